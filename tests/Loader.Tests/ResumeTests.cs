using System.Diagnostics;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using CafeMenu.TestSupport;
using Xunit.Abstractions;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// <c>--resume</c>: the built Loader is killed with SIGKILL at random points of a load and resumed from its report each
/// time; in the end the table holds every record once, as the input has it, nothing confirmed was sent again, and the
/// runs' totals add up to the input. A resume whose input, table or mode differ is refused before anything is written.
/// </summary>
[Collection(DynamoCollection.Name)]
public class ResumeTests(DynamoDbLocalFixture dynamo, ITestOutputHelper log)
{
    private const int Records = 12_000;
    private const int Kills = 3;

    private static string Line(int i) => $"{{\"product_name\":\"Item {i:D5}\",\"price\":{i % 90 + 1}.25,\"description\":\"record {i}\"}}";

    [Theory]
    [InlineData("upsert")]
    [InlineData("insert-only")]
    public async Task Killed_at_random_points_and_resumed_each_time_the_table_ends_with_every_record_once_and_nothing_confirmed_sent_again(string mode)
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        log.WriteLine($"seed {seed}");
        var table = DynamoDbLocalFixture.UniqueTableName("resume");
        var lines = Enumerable.Range(0, Records).Select(Line).ToList();
        var input = LoaderRun.TempFile("resume.ndjson", string.Join('\n', lines) + "\n");
        var report = Path.Combine(Path.GetTempPath(), $"resume-{Guid.NewGuid():N}.json");
        string[] Args(bool resume) =>
            ["load", input, "--table", table, "--create-table", "--mode", mode, "--progress", "plain", .. resume ? new[] { "--resume", report } : ["--report", report]];
        using var client = dynamo.CreateClient();

        var confirmed = new HashSet<int>();
        var marked = new List<int>();
        for (var kill = 0; kill < Kills; kill++)
        {
            // Killed once this run's journal confirms a random number of records more than the earlier runs did.
            var killAt = confirmed.Count + random.Next(1, Records * 8 / 10 / Kills);
            await RunAndKillAsync(Args(resume: kill > 0), ConfirmationJournalOf(report), killAt);
            var now = ReadJournal(ConfirmationJournalOf(report));
            Assert.True(now.IsSupersetOf(confirmed), "a resumed run's journal dropped records an earlier run confirmed");
            confirmed = now;
            log.WriteLine($"kill {kill + 1}: once {killAt} records were confirmed; {confirmed.Count} confirmed after the kill");

            // A record confirmed and then changed in the table stays changed only if no later run sends it again.
            var mark = confirmed.ElementAt(random.Next(confirmed.Count));
            await client.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = table,
                Key = new() { ["product_name"] = new AttributeValue($"Item {mark:D5}") },
                UpdateExpression = "SET marked = :yes",
                ExpressionAttributeValues = new() { [":yes"] = new AttributeValue { BOOL = true } },
            });
            marked.Add(mark);
        }

        var final = await LoaderProcess.RunBuiltAsync(dynamo, TimeSpan.FromMinutes(3), Args(resume: true));

        Assert.True(final.ExitCode == 0, final.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var summary = json.RootElement;
        Assert.Equal("loaded", summary.GetProperty("outcome").GetString());
        Assert.Equal(report, summary.GetProperty("resumed_from").GetString());
        Assert.Equal(confirmed.Count, summary.GetProperty("already_confirmed").GetInt64());
        var written = summary.GetProperty("written").GetInt64();
        var skipped = summary.GetProperty("skipped").GetInt64();
        Assert.Equal(Records, confirmed.Count + written + skipped);
        Assert.Equal(0, summary.GetProperty("failed").GetInt64());
        Assert.Equal($"0-{Records - 1}", Assert.Single(summary.GetProperty("confirmed").EnumerateArray()).GetString());
        if (mode == "upsert") Assert.Equal(0, skipped);
        // Insert-only skips only what a killed run wrote without journalling it (in flight at the kill), never a confirmed record.
        var skippedLines = summary.GetProperty("skipped_items").EnumerateArray().Select(s => s.GetProperty("line").GetInt32() - 1);
        Assert.Empty(skippedLines.Intersect(confirmed));
        Assert.False(File.Exists(ConfirmationJournalOf(report)), "the final report holds the record; the journal is deleted");

        var stored = await LoaderRun.ScanAllAsync(client, table);
        Assert.All(marked, m => Assert.Contains(stored, item => item["product_name"].S == $"Item {m:D5}" && item.ContainsKey("marked")));
        foreach (var item in stored) item.Remove("marked");
        var expected = lines.Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            return LoaderRun.Canonical(Input.PlainJsonConverter.ToItem(document.RootElement));
        }).Order(StringComparer.Ordinal);
        Assert.Equal(expected, stored.Select(LoaderRun.Canonical).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_resume_with_a_changed_input_another_mode_or_another_table_is_refused_and_writes_nothing()
    {
        var (table, input, report) = await LoadWithReportAsync(50);
        var reportBefore = File.ReadAllText(report);
        using var client = dynamo.CreateClient();
        await client.DeleteItemAsync(table, new() { ["product_name"] = new AttributeValue("Item 00007") });

        var otherMode = await LoaderRun.RunAsync(dynamo, "load", input, "--table", table, "--mode", "insert-only", "--progress", "none", "--resume", report);
        var otherTable = await LoaderRun.RunAsync(dynamo, "load", input, "--table", table + "x", "--create-table", "--progress", "none", "--resume", report);
        File.AppendAllText(input, Line(50) + "\n");
        var changed = await LoaderRun.RunAsync(dynamo, "load", input, "--table", table, "--progress", "none", "--resume", report);
        var missing = await LoaderRun.RunAsync(dynamo, "load", input, "--table", table, "--progress", "none", "--resume", report + ".gone");

        Assert.All(new[] { otherMode, otherTable, changed, missing }, run => Assert.True(run.ExitCode == 2, run.ToString()));
        Assert.Contains("resume it with the same mode", otherMode.Output);
        Assert.Contains($"the earlier run loaded table {table}, not {table}x", otherTable.Output);
        Assert.Contains("the input changed", changed.Output);
        Assert.Contains("no such report", missing.Output);
        Assert.All(new[] { otherMode, otherTable, changed }, run => Assert.Contains("nothing was written", run.Output));
        Assert.Equal(reportBefore, File.ReadAllText(report));
        Assert.Equal(49, (await LoaderRun.ScanAllAsync(client, table)).Count);
    }

    [Fact]
    public async Task A_resume_of_a_finished_load_sends_nothing_and_a_journal_line_cut_short_by_a_crash_is_ignored()
    {
        var (table, input, report) = await LoadWithReportAsync(200);

        var again = await LoaderRun.RunAsync(dynamo, "load", input, "--table", table, "--progress", "none", "--resume", report);

        Assert.True(again.ExitCode == 0, again.ToString());
        using (var json = JsonDocument.Parse(File.ReadAllText(report)))
        {
            Assert.Equal(200, json.RootElement.GetProperty("already_confirmed").GetInt64());
            Assert.Equal(0, json.RootElement.GetProperty("written").GetInt64());
        }

        // A journal as a kill leaves it: the report says "running", the last line has no newline.
        var journal = ConfirmationJournalOf(report);
        File.WriteAllText(report, """{"outcome": "running"}""");
        File.WriteAllText(journal, JsonSerializer.Serialize(new
        {
            outcome = "running", table, mode = "upsert", on_duplicate = "fail",
            input = new[] { Input.InputIdentity.Of(input) },
        }, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }) + "\n0 0-99\n0 100-1");
        var resumed = await LoaderRun.RunAsync(dynamo, "load", input, "--table", table, "--progress", "none", "--resume", report);

        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        using var after = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal(100, after.RootElement.GetProperty("already_confirmed").GetInt64());
        Assert.Equal(100, after.RootElement.GetProperty("written").GetInt64());
    }

    private static string ConfirmationJournalOf(string report) => report + ".journal";

    /// <summary>A finished load of <paramref name="records"/> records into a new table, with its report.</summary>
    private async Task<(string Table, string Input, string Report)> LoadWithReportAsync(int records)
    {
        var table = DynamoDbLocalFixture.UniqueTableName("resume");
        var input = LoaderRun.TempFile("loaded.ndjson", string.Join('\n', Enumerable.Range(0, records).Select(Line)) + "\n");
        var report = Path.Combine(Path.GetTempPath(), $"loaded-{Guid.NewGuid():N}.json");
        var first = await LoaderRun.RunAsync(dynamo, "load", input, "--table", table, "--create-table", "--progress", "none", "--report", report);
        Assert.True(first.ExitCode == 0, first.ToString());
        return (table, input, report);
    }

    /// <summary>The records a journal confirms, read independently of the Loader's own reader.</summary>
    private static HashSet<int> ReadJournal(string path)
    {
        var text = File.ReadAllText(path);
        var confirmed = new HashSet<int>();
        foreach (var line in text[..(text.LastIndexOf('\n') + 1)].Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1))
        {
            foreach (var run in line.Split(' ').Skip(1))
            {
                var bounds = run.Split('-').Select(int.Parse).ToArray();
                for (var i = bounds[0]; i <= bounds[^1]; i++) confirmed.Add(i);
            }
        }

        return confirmed;
    }

    /// <summary>Starts the built Loader and kills it (SIGKILL) once its journal confirms <paramref name="records"/> records.</summary>
    private async Task RunAndKillAsync(string[] args, string journal, int records)
    {
        var start = new ProcessStartInfo(LoaderProcess.DotnetHost) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CafeMenu.Loader.dll"));
        foreach (var argument in args) start.ArgumentList.Add(argument);
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        foreach (var (name, value) in dynamo.Environment) start.Environment[name] = value;
        var startedAt = DateTime.UtcNow;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            // Only this run's journal counts: a resumed run renames a fresh one over the old.
            try
            {
                if (File.Exists(journal) && File.GetLastWriteTimeUtc(journal) >= startedAt && ReadJournal(journal).Count >= records) break;
            }
            catch (FileNotFoundException)
            {
                // Deleted by a load that just finished: the check below reports it.
            }

            await Task.Delay(10);
        }

        // Awaiting the output before the kill would wait for the load's end: the message is built only on failure.
        if (process.HasExited) Assert.Fail($"the load ended before the kill: exit {process.ExitCode}\n{await output}\n{await error}");
        process.Kill(); // SIGKILL: no handler runs, the report stays "running"
        await process.WaitForExitAsync();
        Assert.Equal(137, process.ExitCode);
    }
}
