using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using CafeMenu.TestSupport;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// A disk that fills while the report's journal and lists are written: the built Loader runs under a file size limit of
/// 4 KB (<c>ulimit -f 4</c>, SIGXFSZ ignored so a write past it fails instead of killing the process), which its journal
/// and spill files pass during the load. Before, the failing journal write was taken for a broken connection: the same
/// request went again and again, and the load never ended.
/// </summary>
[Collection(DynamoCollection.Name)]
public class ReportOnFullDiskTests(DynamoDbLocalFixture dynamo)
{
    private const int Records = 10_000; // a journal of about 5.5 KB at 25 items a line, beyond the 4 KB limit

    [Fact]
    public async Task A_journal_that_cannot_be_started_exits_2_before_anything_is_written()
    {
        var table = DynamoDbLocalFixture.UniqueTableName("full");
        var (file, report) = Input();
        // The journal's first version is written to REPORT.journal.tmp: here, the full device.
        File.CreateSymbolicLink(report + ".journal.tmp", "/dev/full");

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--report", report, "--progress", "none");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--report {report}: the journal beside it cannot be written: No space left on device", run.Output);
        Assert.Contains("nothing was written", run.Output);
        using var client = dynamo.CreateClient();
        Assert.Empty(await LoaderRun.ScanAllAsync(client, table));
        Assert.False(File.Exists(report + ".journal.tmp"));
    }

    [Fact]
    public async Task A_journal_that_fills_up_during_the_load_stops_recording_and_the_load_ends_with_every_item_written_and_its_report()
    {
        var table = DynamoDbLocalFixture.UniqueTableName("full");
        var (file, report) = Input();

        var run = await RunUnderFileSizeLimitAsync(file, "--table", table, "--create-table", "--report", report, "--progress", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"warning {report}.journal stopped recording confirmed items during the load", run.Output);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal("loaded", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal($"0-{Records - 1}", json.RootElement.GetProperty("confirmed")[0].GetString()); // kept in memory after the journal failed
        Assert.False(File.Exists(report + ".journal"));
        using var client = dynamo.CreateClient();
        Assert.Equal(Records, (await LoaderRun.ScanAllAsync(client, table)).Count);
    }

    [Fact]
    public async Task Lists_of_skipped_items_that_cannot_be_kept_end_the_load_with_exit_1_and_its_journal_kept_instead_of_an_incomplete_report()
    {
        var table = DynamoDbLocalFixture.UniqueTableName("full");
        var (file, report) = Input();
        var first = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--progress", "none");
        Assert.True(first.ExitCode == 0, first.ToString());

        // Every item is skipped, so the list of skipped items (about 40 bytes each) passes the limit.
        var run = await RunUnderFileSizeLimitAsync(file, "--table", table, "--mode", "insert-only", "--report", report, "--progress", "none");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains($"all {Records:N0} items skipped", run.Output); // the summary still comes first
        Assert.Contains($"--report {report}: the final report cannot be written: the list of skipped and failed items could not be kept", run.Output);
        Assert.Contains($"{report}.journal is kept for --resume", run.Output);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal("running", json.RootElement.GetProperty("outcome").GetString()); // the first version, whole
        Assert.True(File.Exists(report + ".journal"));
    }

    private static (string File, string Report) Input()
    {
        var file = LoaderRun.TempFile("items.ndjson", string.Concat(Enumerable.Range(0, Records).Select(i => $"{{\"product_name\":\"item {i}\"}}\n")));
        return (file, Path.Combine(Path.GetDirectoryName(file)!, "report.json"));
    }

    private Task<LoaderRun.Result> RunUnderFileSizeLimitAsync(params string[] args)
    {
        var loader = Path.Combine(AppContext.BaseDirectory, "CafeMenu.Loader.dll");
        var command = $"trap '' XFSZ; ulimit -f 4; exec \"$0\" \"$@\"";
        var environment = new Dictionary<string, string>(dynamo.Environment)
        {
            // The runtime's W^X double mapping sizes a memory file of its own, which the limit would refuse at start-up.
            ["DOTNET_EnableWriteXorExecute"] = "0",
        };
        return LoaderProcess.RunProgramAsync("bash", ["-c", command, LoaderProcess.DotnetHost, loader, "load", .. args], TimeSpan.FromMinutes(2),
            environment, ["OTEL_EXPORTER_OTLP_ENDPOINT"]);
    }
}
