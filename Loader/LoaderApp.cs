using Amazon.DynamoDBv2;
using CafeMenu.Loader.Cli;
using CafeMenu.Loader.Export;
using CafeMenu.Loader.Writing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace CafeMenu.Loader;

/// <summary>
/// Runs one command inside the Loader's generic host (<see cref="LoaderHost"/>),
/// and disposes the host before returning so the last spans and metrics are exported.
/// </summary>
internal static class LoaderApp
{
    public static async Task<int> RunAsync(string[] args, IDictionary<string, string?>? settings = null, IAnsiConsole? console = null,
        TextWriter? output = null, TextWriter? error = null, CancellationToken cancellationToken = default, Func<Task>? betweenPasses = null)
    {
        if (console is null)
        {
            console = AnsiConsole.Console;
            // Redirected output (the AppHost, a CI log) must not be wrapped at an imagined 80 columns.
            if (Console.IsOutputRedirected) console.Profile.Width = 1000;
        }

        var root = LoaderCommandLine.Build(
            (options, token) => WithHostAsync(settings, token, (services, t) =>
                new LoadCommand(services.GetRequiredService<IAmazonDynamoDB>(), console, TimeProvider.System,
                    services.GetRequiredService<ILoggerFactory>().CreateLogger(LoaderTelemetry.Name), betweenPasses)
                    .RunAsync(options with { Retry = RetryFrom(services.GetRequiredService<IConfiguration>()) }, t)),
            (table, path, token) => WithHostAsync(settings, token, (services, t) =>
                new ExportCommand(services.GetRequiredService<IAmazonDynamoDB>(), console, RetryFrom(services.GetRequiredService<IConfiguration>()))
                    .RunAsync(table, path, t)));
        return await LoaderCommandLine.InvokeAsync(root, args, output ?? Console.Out, error ?? Console.Error, cancellationToken);
    }

    /// <summary>Back-off settings from configuration section <c>Loader:Retry</c> (GiveUpAfter, BaseDelay, MaxDelay, SplitAfterServerErrors).</summary>
    private static RetrySettings RetryFrom(IConfiguration configuration)
    {
        try
        {
            return configuration.GetSection("Loader:Retry").Get<RetrySettings>() ?? new RetrySettings();
        }
        catch (InvalidOperationException e)
        {
            // The binder's message names the key and the type it wanted, which is all a user needs to fix it.
            throw new SettingRefusedException(e.Message);
        }
    }

    /// <summary>A setting from configuration that cannot be used: exit 2 with its message, as bad usage.</summary>
    private sealed class SettingRefusedException(string message) : Exception(message);

    private static async Task<int> WithHostAsync(IDictionary<string, string?>? settings, CancellationToken cancellationToken,
        Func<IServiceProvider, CancellationToken, Task<int>> run)
    {
        using var host = LoaderHost.CreateBuilder(settings).Build();
        await host.StartAsync(cancellationToken);
        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("CafeMenu.Loader");
        int exitCode;
        try
        {
            exitCode = await run(host.Services, stopping.Token);
        }
        catch (SettingRefusedException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            exitCode = ExitCodes.InvalidInput;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("cancelled before writing began; nothing was written.");
            exitCode = ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is Amazon.Runtime.AmazonServiceException or Amazon.Runtime.AmazonClientException or HttpRequestException or IOException
                                       or UnauthorizedAccessException or Polly.Timeout.TimeoutRejectedException || WriteRetry.IsTimeout(e))
        {
            // An environment problem (DynamoDB unreachable, a file that cannot be read): one clear line, no stack trace.
            logger.LogError("The loader stopped: {Reason}", e.Message);
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            exitCode = ExitCodes.Failed;
        }

        await host.StopAsync(CancellationToken.None);
        return exitCode;
    }
}
