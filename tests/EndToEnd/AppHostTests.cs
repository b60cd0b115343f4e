using System.Diagnostics;
using System.Net;

namespace CafeMenu.EndToEnd;

/// <summary>The AppHost as a user runs it: every resource comes up, answers, and a signal leaves no process behind.</summary>
public sealed class AppHostTests : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(45);

    private static readonly Dictionary<string, string> Ready = new()
    {
        ["dynamodb"] = "Running Healthy",
        ["loader"] = "Finished",
        ["api"] = "Running Healthy",
        ["web"] = "Running Healthy",
    };

    private readonly string _dataFolder = Directory.CreateTempSubdirectory("cafemenu-e2e-data-").FullName;

    public void Dispose() => Directory.Delete(_dataFolder, recursive: true);

    [Fact]
    public async Task In_memory_every_resource_comes_up_and_sigint_leaves_no_process()
    {
        await using var host = AppHostProcess.Start(["--in-memory"], restoreSigInt: true);

        await RunAndStopAsync(host, SigInt);
    }

    [Fact]
    public async Task With_a_data_folder_a_second_apphost_is_refused_and_sigterm_leaves_no_process()
    {
        await using var host = AppHostProcess.Start(["--DynamoDb:DataPath", _dataFolder]);
        await host.WaitUntilReadyAsync(Ready, ReadyTimeout);

        await using (var second = AppHostProcess.Start(["--DynamoDb:DataPath", _dataFolder]))
        {
            Assert.Equal(1, await second.WaitForExitAsync(ExitTimeout));
            Assert.Equal($"[apphost] The DynamoDB data folder {_dataFolder} is in use by another AppHost; stop that one first, or start this one with --in-memory or --DynamoDb:DataPath <another folder>.", second.ErrorOutput);
            Assert.DoesNotContain("dynamodb:", second.Output);
            Assert.Equal([], second.MarkedProcesses());
        }

        await RunAndStopAsync(host, SigTerm);
        Assert.True(File.Exists(Path.Combine(_dataFolder, "shared-local-instance.db")), "DynamoDB Local kept no data file in the data folder");
    }

    [Fact]
    public async Task Without_java_the_apphost_stops_at_once_with_one_line_saying_what_to_install()
    {
        // A PATH with sh and the basics but no java.
        var path = Directory.CreateTempSubdirectory("cafemenu-e2e-path-").FullName;
        try
        {
            await using var host = AppHostProcess.Start(["--in-memory"], path: path);

            var clock = Stopwatch.StartNew();
            Assert.Equal(1, await host.WaitForExitAsync(ExitTimeout));

            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(20));
            var line = Assert.Single(host.ErrorOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("[apphost] java was not found on PATH", line);
            Assert.Contains("openjdk", line);
            Assert.DoesNotContain("   at ", host.Output);
        }
        finally
        {
            Directory.Delete(path);
        }
    }

    private static async Task RunAndStopAsync(AppHostProcess host, int signal)
    {
        await host.WaitUntilReadyAsync(Ready, ReadyTimeout);
        Assert.Matches(@"\[apphost\] Dashboard: http://127\.0\.0\.1:\d+/login\?t=[0-9a-f]{32}", host.Output);

        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) })
        {
            foreach (var resource in new[] { "api", "web" })
            {
                var url = host.Url(resource);
                Assert.Matches(@"^http://127\.0\.0\.1:\d+$", url);
                using var response = await http.GetAsync($"{url}/health");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }
        }

        var children = host.MarkedProcesses().Where(p => p.Pid != host.Id).ToList();
        Assert.Contains(children, p => p.CommandLine.Contains("DynamoDBLocal.jar"));
        Assert.Contains(children, p => p.CommandLine.Contains("CafeMenu.Api.dll"));
        Assert.Contains(children, p => p.CommandLine.Contains("CafeMenu.Web.dll"));

        host.Signal(signal);
        await host.WaitForExitAsync(ExitTimeout);

        Assert.Contains("[apphost] All resources stopped.", host.Output);
        var order = new[] { "web", "api", "dynamodb" }.Select(name => host.Output.IndexOf($"[apphost] {name}: Exited", StringComparison.Ordinal)).ToList();
        Assert.All(order, index => Assert.True(index >= 0, host.Output));
        Assert.True(order[0] < order[1] && order[1] < order[2], $"not stopped in reverse dependency order:\n{host.Output}");

        // The AppHost waits for its children; allow a moment for the kernel to reap the last of them.
        var clock = Stopwatch.StartNew();
        while (host.MarkedProcesses().Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(100);
        Assert.Equal([], host.MarkedProcesses());
    }
}
