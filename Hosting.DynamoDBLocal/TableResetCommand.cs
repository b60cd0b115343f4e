using Amazon.DynamoDBv2.Model;
using Aspire.Hosting.ApplicationModel;
using CafeMenu.Hosting.DynamoDBLocal;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

/// <summary>A dashboard command that puts a table back to its seed: the table is deleted and its loader runs again.</summary>
public static class TableResetCommand
{
    /// <summary>How long the loader may take to create and fill the table again.</summary>
    private static readonly TimeSpan LoaderTimeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Adds the command <paramref name="name"/> to DynamoDB Local: after a confirmation it deletes <paramref name="table"/>
    /// and starts <paramref name="loader"/> again, which must create the table and load the seed (as the AppHost's first
    /// start does). The table then holds exactly the seed: items added since are gone, changed items are restored.
    /// Reusing the loader keeps one reader of the seed file; the price is a moment without the table (about a second
    /// for the menu), in which clients get ResourceNotFoundException.
    /// </summary>
    public static IResourceBuilder<DynamoDBLocalResource> WithTableResetCommand(
        this IResourceBuilder<DynamoDBLocalResource> builder, string name, string displayName, string table, IResourceBuilder<IResource> loader) =>
        builder.WithCommand(
            name,
            displayName,
            context => ResetAsync(builder.Resource, table, loader.Resource, context),
            new CommandOptions
            {
                Description = $"Deletes {table} and runs {loader.Resource.Name} again, so the table holds exactly its seed.",
                ConfirmationMessage = $"Put {table} back to its seed? Items added since are deleted and changed items are restored.",
                IconName = "ArrowReset",
                UpdateState = state => state.ResourceSnapshot.HealthStatus is Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
                    ? ResourceCommandState.Enabled
                    : ResourceCommandState.Disabled,
            });

    private static async Task<ExecuteCommandResult> ResetAsync(
        DynamoDBLocalResource dynamoDB, string table, IResource loader, ExecuteCommandContext context)
    {
        using (var client = ListTablesProbe.CreateClient(dynamoDB.PrimaryEndpoint.Url))
        {
            try
            {
                await client.DeleteTableAsync(table, context.CancellationToken);
            }
            catch (ResourceNotFoundException)
            {
                // Already gone: the loader creates it.
            }
        }

        var notifications = context.Services.GetRequiredService<ResourceNotificationService>();
        var commands = context.Services.GetRequiredService<ResourceCommandService>();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(LoaderTimeout);
        // Watch before starting, so the run's end cannot slip by; the loader's earlier Finished state is skipped
        // because only states after a non-terminal one count.
        var finished = WaitForNextRunAsync(notifications, loader.Name, timeout.Token);
        var started = await commands.ExecuteCommandAsync(loader, KnownResourceCommands.StartCommand, context.CancellationToken);
        if (!started.Success)
        {
            return CommandResults.Failure($"{loader.Name} did not start: {started.Message}");
        }

        try
        {
            var exitCode = await finished;
            return exitCode == 0
                ? CommandResults.Success()
                : CommandResults.Failure($"{loader.Name} exited with code {exitCode}; see its console log.");
        }
        catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
        {
            return CommandResults.Failure($"{loader.Name} did not finish within {LoaderTimeout.TotalSeconds:0} s.");
        }
    }

    private static async Task<int?> WaitForNextRunAsync(ResourceNotificationService notifications, string resourceName, CancellationToken cancellationToken)
    {
        var running = false;
        await foreach (var e in notifications.WatchAsync(cancellationToken))
        {
            if (e.Resource.Name != resourceName) continue;
            var terminal = e.Snapshot.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state);
            if (!terminal)
            {
                running = true;
            }
            else if (running)
            {
                return e.Snapshot.ExitCode;
            }
        }

        throw new OperationCanceledException(cancellationToken);
    }
}
