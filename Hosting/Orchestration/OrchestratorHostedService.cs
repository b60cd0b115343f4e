using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;

namespace CafeMenu.Hosting;

/// <summary>
/// Starts the resources when the host starts (after the dashboard's hosted service, which is registered before it)
/// and stops them, in reverse dependency order, when the host stops (Ctrl+C, SIGTERM, SIGHUP).
/// </summary>
internal sealed class OrchestratorHostedService(
    Orchestrator orchestrator, DashboardOptions dashboard, IHostApplicationLifetime lifetime, HostingSettings settings) : IHostedService, IDisposable
{
    private ConsoleReporter? _reporter;
    private PosixSignalRegistration? _hangup;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _reporter = new ConsoleReporter(orchestrator, Console.Out, settings.FailureLines);
        if (dashboard.Enabled)
        {
            _reporter.WriteLine($"Dashboard: http://127.0.0.1:{dashboard.Port}/login?t={dashboard.BrowserToken}");
        }

        if (!OperatingSystem.IsWindows())
        {
            // A closed terminal stops the children too (they run in sessions of their own and would not get SIGHUP).
            _hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                lifetime.StopApplication();
            });
        }

        await orchestrator.StartAllAsync(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _reporter?.WriteLine("Stopping resources...");
        await orchestrator.StopAllAsync();
        _reporter?.WriteLine("All resources stopped.");
    }

    public void Dispose()
    {
        _hangup?.Dispose();
        _reporter?.Dispose();
    }
}
