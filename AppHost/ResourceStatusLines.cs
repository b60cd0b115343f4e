using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CafeMenu.AppHost;

/// <summary>
/// One console line per resource when it becomes ready (with its URLs) and when it fails or exits with a non-zero code,
/// so a person in a terminal can open the menu without the dashboard.
/// </summary>
internal sealed class ResourceStatusLines(ResourceNotificationService notifications, TextWriter console)
{
    private readonly Dictionary<string, string> _lastLine = [];

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var e in notifications.WatchAsync(stoppingToken))
            {
                if (e.Snapshot.IsHidden || Describe(e.Snapshot) is not { } line) continue;
                // Keyed by instance id, printed with the resource's name: the dashboard's name for it.
                if (_lastLine.TryGetValue(e.ResourceId, out var last) && last == line) continue;
                _lastLine[e.ResourceId] = line;
                await console.WriteLineAsync($"[apphost] {e.Resource.Name}: {line}");
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The line for a snapshot worth a line: ready, finished, failed; null for the states in between.</summary>
    internal static string? Describe(CustomResourceSnapshot snapshot)
    {
        var state = snapshot.State?.Text;
        if (state == KnownResourceStates.Running && snapshot.HealthStatus is HealthStatus.Healthy)
        {
            var urls = snapshot.Urls.Where(u => !u.IsInternal).Select(u => u.Url);
            return string.Join(' ', ["Running (Healthy)", .. urls]);
        }

        if (state == KnownResourceStates.FailedToStart) return "FailedToStart";
        if (state == KnownResourceStates.Finished || state == KnownResourceStates.Exited)
        {
            return snapshot.ExitCode is { } code ? $"{state} with code {code}" : state;
        }

        return null;
    }
}
