using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CafeMenu.ServiceDefaults;

/// <summary>
/// Stops this service once the AppHost that started it is gone. An AppHost killed with SIGKILL cannot stop its children,
/// so each child watches the process named in <see cref="Variable"/> and stops on its own, leaving no process behind.
/// </summary>
internal sealed partial class AppHostWatch(IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<AppHostWatch> logger)
    : BackgroundService
{
    /// <summary>The AppHost's process id, set by the orchestrator in every child's environment (read through configuration).</summary>
    public const string Variable = "CAFEMENU_APPHOST_PID";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!int.TryParse(configuration[Variable], out var pid)) return;
        try
        {
            using var appHost = Process.GetProcessById(pid);
            await appHost.WaitForExitAsync(stoppingToken);
        }
        catch (ArgumentException)
        {
            // Gone before this service started.
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        LogAppHostGone(logger, pid);
        lifetime.StopApplication();
    }

    [LoggerMessage(1, LogLevel.Warning, "The AppHost (process {Pid}) is gone; stopping.")]
    private static partial void LogAppHostGone(ILogger logger, int pid);
}
