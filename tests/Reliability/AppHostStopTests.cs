namespace CafeMenu.Reliability;

/// <summary>
/// The AppHost as a person runs it, stopped the three ways a person or a system stops it: no process of the app
/// (the orchestrator, the dashboard, java, node, the Api, the Web) is left 30 s later.
/// </summary>
[Collection(AppHostProcessCollection.Name)]
public sealed class AppHostStopTests
{
    private const int SigInt = 2;
    private const int SigKill = 9;
    private const int SigTerm = 15;

    private static readonly string[] Resources = ["dynamodb", "dynamodb-admin", "api", "web"];
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan GoneTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public Task Ctrl_C_on_the_process_group_leaves_no_process_of_the_app() => StopAndCheckAsync(host => host.SignalGroup(SigInt));

    [Fact]
    public Task SIGTERM_of_the_apphost_leaves_no_process_of_the_app() => StopAndCheckAsync(host => host.SignalAppHost(SigTerm));

    [Fact]
    public Task SIGKILL_of_the_apphost_leaves_no_process_of_the_app() => StopAndCheckAsync(host => host.SignalAppHost(SigKill));

    private static async Task StopAndCheckAsync(Action<AppHostProcess> stop)
    {
        await using var host = AppHostProcess.Start();
        await host.WaitUntilReadyAsync(Resources, ReadyTimeout);
        var running = host.MarkedProcesses();
        // The check must see what it claims to stop: the orchestrator, the dashboard and every resource's process.
        foreach (var part in (string[])["dcp", "Aspire.Dashboard", "LoopbackDynamoDbLocal", "dynamodb-admin", "CafeMenu.Api", "CafeMenu.Web"])
        {
            Assert.True(running.Any(p => p.CommandLine.Contains(part, StringComparison.Ordinal)), $"no running process matches {part}:\n{string.Join('\n', running)}");
        }

        stop(host);

        await host.WaitUntilNoProcessIsLeftAsync(GoneTimeout);
    }
}
