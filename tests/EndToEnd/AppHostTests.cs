using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CafeMenu.TestSupport;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CafeMenu.EndToEnd;

/// <summary>The AppHost as a user runs it: every resource comes up, answers, and a signal leaves no process behind.</summary>
public sealed partial class AppHostTests : IDisposable
{
    private const int SigInt = 2;
    private const int SigTerm = 15;
    private const int SigKill = 9;

    /// <summary>How long the children of a killed AppHost may take to notice and stop (a graceful stop of each).</summary>
    private static readonly TimeSpan ChildrenAloneTimeout = TimeSpan.FromSeconds(20);

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
    private readonly ITestOutputHelper _output;

    public AppHostTests(ITestOutputHelper output) => _output = output;

    public void Dispose() => Directory.Delete(_dataFolder, recursive: true);

    /// <summary>One in-memory AppHost for everything a user sees (each start costs about 30 s on a small machine).</summary>
    [Fact]
    public async Task In_memory_the_menu_dashboard_and_one_trace_per_page_view_work_and_sigint_leaves_no_process()
    {
        var otlpHttpPort = FreePort.Next();
        await using var host = AppHostProcess.Start(["--in-memory", "--Dashboard:OtlpHttpPort", otlpHttpPort.ToString(CultureInfo.InvariantCulture)], restoreSigInt: true);
        await host.WaitUntilReadyAsync(Ready, ReadyTimeout);
        var loginUrl = DashboardClient.LoginUrl(host);

        await DashboardChecks.AssertLockedAsync(DashboardClient.BaseUrlOf(loginUrl), otlpHttpPort);

        using var dashboard = await DashboardClient.LogInAsync(loginUrl);
        Assertions.SetDefaultExpectTimeout(15_000);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var trace = await DashboardChecks.AssertPageViewVisibleAsync(browser, loginUrl, host.Url("web"), dashboard, Ready);
        PageViewTrace.AssertParentToChild(trace);
        _output.WriteLine($"The page view's trace, {trace.Count} spans:\n{string.Join('\n', trace)}");

        await MenuPageChecks.AssertPrerenderedMenuAsync(browser, host.Url("web"));

        await RunAndStopAsync(host, SigInt);
    }

    [Fact]
    public async Task With_a_data_folder_a_second_apphost_is_refused_sigterm_leaves_no_process_and_a_restart_keeps_the_data_and_a_sigkilled_apphost_leaves_no_child()
    {
        var seeded = SeedMenuFile.Items.Count;
        var addedName = $"Cortado {Guid.NewGuid():N}";
        var added = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["product_name"] = addedName,
            ["price"] = 2.95m,
            ["product_group"] = "coffee",
            ["tags"] = new[] { "hot" },
            ["description"] = "Added through the Api in the first run.",
        });
        await using (var host = AppHostProcess.Start(["--DynamoDb:DataPath", _dataFolder]))
        {
            await host.WaitUntilReadyAsync(Ready, ReadyTimeout);
            Assert.Equal((seeded, $"{seeded} written, 0 skipped, 0 failed"), LoaderSummary(host));
            _output.WriteLine($"First run: {LoaderSummary(host)}");

            await using (var second = AppHostProcess.Start(["--DynamoDb:DataPath", _dataFolder]))
            {
                Assert.Equal(1, await second.WaitForExitAsync(ExitTimeout));
                Assert.Equal($"[apphost] The DynamoDB data folder {_dataFolder} is in use by another AppHost; stop that one first, or start this one with --in-memory or --DynamoDb:DataPath <another folder>.", second.ErrorOutput);
                Assert.DoesNotContain("dynamodb:", second.Output);
                Assert.Equal([], second.MarkedProcesses());
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            using var created = await http.PostAsync(host.Url("api") + "/menu", new StringContent(added, Encoding.UTF8, "application/json"));
            Assert.True(created.StatusCode == HttpStatusCode.Created, $"POST /menu answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");

            await RunAndStopAsync(host, SigTerm);
        }

        Assert.True(File.Exists(Path.Combine(_dataFolder, "shared-local-instance.db")), "DynamoDB Local kept no data file in the data folder");

        await using var restarted = AppHostProcess.Start(["--DynamoDb:DataPath", _dataFolder]);
        await restarted.WaitUntilReadyAsync(Ready, ReadyTimeout);
        Assert.Equal((seeded, $"all {seeded} items skipped (already in the table)"), LoaderSummary(restarted));
        _output.WriteLine($"Second run: {LoaderSummary(restarted)}");
        using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
        {
            using var kept = await http.GetAsync($"{restarted.Url("api")}/menu/{Uri.EscapeDataString(addedName)}");
            Assert.Equal(HttpStatusCode.OK, kept.StatusCode);
            using var item = JsonDocument.Parse(await kept.Content.ReadAsStringAsync());
            Assert.Equal(addedName, item.RootElement.GetProperty("product_name").GetString());
            Assert.Equal(2.95m, item.RootElement.GetProperty("price").GetDecimal());
        }

        // SIGKILL gives the AppHost no chance to stop its children: they notice it is gone and stop on their own.
        var children = restarted.MarkedProcesses().Where(p => p.Pid != restarted.Id).ToList();
        Assert.Contains(children, p => p.CommandLine.Contains("DynamoDBLocal.jar"));
        restarted.Signal(SigKill);
        await restarted.WaitForExitAsync(ExitTimeout);
        var left = restarted.MarkedProcesses();
        for (var clock = Stopwatch.StartNew(); left.Count > 0 && clock.Elapsed < ChildrenAloneTimeout; left = restarted.MarkedProcesses())
        {
            await Task.Delay(250);
        }

        Assert.True(left.Count == 0, $"{ChildrenAloneTimeout} after the AppHost was killed, these were still running: {string.Join("; ", left.Select(p => p.CommandLine))}");
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

    /// <summary>The Loader's one-line summary on the AppHost console: "Loaded FoodProducts (insert-only): 51 records, … in 0.4 s (…)".</summary>
    private static (int Records, string Outcome) LoaderSummary(AppHostProcess host)
    {
        var match = LoaderSummaryLine().Match(host.Output);
        Assert.True(match.Success, $"The Loader printed no summary line:\n{host.Output}");
        return (int.Parse(match.Groups["records"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), match.Groups["outcome"].Value);
    }

    [GeneratedRegex(@"^loader\s*\| Loaded FoodProducts \(insert-only\): (?<records>[\d,]+) records, (?<outcome>.+) in [\d.]+ s \(", RegexOptions.Multiline)]
    private static partial Regex LoaderSummaryLine();

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
