using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CafeMenu.ServiceDefaults.Tests;

/// <summary>A service started by an AppHost stops once that AppHost's process is gone, and never without the setting.</summary>
public sealed class AppHostWatchTests
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_service_stops_when_the_process_named_as_its_AppHost_exits()
    {
        using var appHost = Process.Start(new ProcessStartInfo("sleep", "2") { UseShellExecute = false })!;
        await using var host = await StartWatchingAsync(appHost.Id);
        var stopping = Stopping(host);
        Assert.False(stopping.IsCompleted, "the service stopped while its AppHost was still running");

        await appHost.WaitForExitAsync();
        await stopping.WaitAsync(StopTimeout);
    }

    [Fact]
    public async Task A_service_whose_AppHost_is_already_gone_stops_at_once()
    {
        int gone;
        using (var exited = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!)
        {
            await exited.WaitForExitAsync();
            gone = exited.Id;
        }

        await using var host = await StartWatchingAsync(gone);
        await Stopping(host).WaitAsync(StopTimeout);
    }

    [Fact]
    public async Task Without_an_AppHost_process_id_nothing_is_watched()
    {
        await using var host = await TelemetryTestHost.StartAsync();
        await Task.Delay(500);
        Assert.False(Stopping(host).IsCompleted);
    }

    private static Task<TelemetryTestHost> StartWatchingAsync(int pid) =>
        TelemetryTestHost.StartAsync(new Dictionary<string, string> { [AppHostWatch.Variable] = pid.ToString(CultureInfo.InvariantCulture) });

    private static Task Stopping(TelemetryTestHost host)
    {
        var token = host.Host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => stopped.TrySetResult());
        return stopped.Task;
    }
}
