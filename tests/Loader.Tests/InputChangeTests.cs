using System.Text.Json;
using CafeMenu.TestSupport;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// The input changes after the Loader validated it and before it wrote it, the way another process could change it:
/// removed, truncated, made unreadable, replaced, appended to. Each time every item sent is awaited and reported, the rest
/// are reported as not written with the reason, the report is written, the exit code is non-zero, and the table holds only
/// records validation saw, as they were.
/// </summary>
[Collection(DynamoCollection.Name)]
public class InputChangeTests(DynamoDbLocalFixture dynamo)
{
    private const int Records = 3_000;

    private static string Line(int i, string price) => $"{{\"product_name\":\"Item {i:D5}\",\"price\":{price},\"description\":\"record {i}\"}}";

    private static string Price(int i) => $"{i % 90 + 1}.25"; // no trailing zero: DynamoDB returns 1.50 as 1.5

    [Fact]
    public async Task A_file_removed_before_writing_leaves_every_item_reported_as_not_written_and_the_table_empty()
    {
        var load = await LoadWithChange(file => File.Delete(file));

        load.AssertStopped("could not be read again");
        Assert.Equal(0, load.Written);
        Assert.Equal(Records, load.Failed);
        Assert.Empty(load.Stored);
    }

    [Fact]
    public async Task A_file_made_unreadable_before_writing_fails_every_item_with_the_reason()
    {
        // Running as root reads through file permissions; a folder in the file's place cannot be read by anyone.
        var load = await LoadWithChange(file =>
        {
            File.Delete(file);
            Directory.CreateDirectory(file);
        });

        load.AssertStopped("could not be read again");
        Assert.Equal(Records, load.Failed);
        Assert.Empty(load.Stored);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_file_truncated_before_writing_writes_the_records_still_there_and_reports_the_rest(bool atLineEnd)
    {
        const int kept = 1_234;
        var load = await LoadWithChange(file =>
        {
            var text = File.ReadAllText(file);
            var cut = IndexOfLine(text, kept) + (atLineEnd ? 0 : 20); // mid-line: record kept + 1 is cut short
            File.WriteAllText(file, text[..cut]);
        });

        load.AssertStopped(atLineEnd ? "truncated" : "can no longer be read");
        Assert.Equal(kept, load.Written);
        Assert.Equal(Records - kept, load.Failed);
        load.AssertStoredAsValidated(0, kept);
        Assert.Equal(Enumerable.Range(kept + 1, Records - kept), load.FailedLines);
    }

    [Fact]
    public async Task A_record_replaced_with_other_content_is_not_written_and_neither_is_anything_after_it()
    {
        const int changed = 2_000;
        var load = await LoadWithChange(file =>
        {
            var lines = File.ReadAllLines(file);
            lines[changed] = Line(changed, "999.99"); // valid, but not what validation saw
            File.WriteAllLines(file, lines);
        });

        load.AssertStopped($"line {changed + 1} changed after validation");
        Assert.Equal(changed, load.Written);
        load.AssertStoredAsValidated(0, changed);
        Assert.DoesNotContain(load.Stored, item => item.Contains("999.99", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Records_appended_before_writing_are_not_written_and_the_load_says_so()
    {
        var load = await LoadWithChange(file => File.AppendAllLines(file, [Line(Records, "4.25"), Line(Records + 1, "5.25")]));

        load.AssertStopped("has more records than were validated");
        Assert.Equal(Records, load.Written);
        Assert.Equal(0, load.Failed);
        load.AssertStoredAsValidated(0, Records);
    }

    private static int IndexOfLine(string text, int line)
    {
        var index = 0;
        for (var i = 0; i < line; i++) index = text.IndexOf('\n', index) + 1;
        return index;
    }

    /// <summary>Loads <see cref="Records"/> records, applying <paramref name="change"/> to the file between the two passes.</summary>
    private async Task<ChangedLoad> LoadWithChange(Action<string> change)
    {
        var table = DynamoDbLocalFixture.UniqueTableName("changed");
        var lines = Enumerable.Range(0, Records).Select(i => Line(i, Price(i))).ToList();
        var file = LoaderRun.TempFile("changing.ndjson", string.Join('\n', lines) + "\n");
        var report = Path.Combine(Path.GetTempPath(), $"changed-{Guid.NewGuid():N}.json");

        var run = await LoaderRun.RunAsync(dynamo.ServiceUrl, [], () =>
        {
            change(file);
            return Task.CompletedTask;
        }, "load", file, "--table", table, "--create-table", "--progress", "none", "--report", report, "--concurrency", "4");

        using var client = dynamo.CreateClient();
        var stored = (await LoaderRun.ScanAllAsync(client, table)).Select(LoaderRun.Canonical).ToList();
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        return new ChangedLoad(run, json.RootElement.Clone(), stored, lines, report);
    }

    private sealed record ChangedLoad(LoaderRun.Result Run, JsonElement Report, List<string> Stored, List<string> Lines, string ReportPath)
    {
        public long Written => Report.GetProperty("written").GetInt64();
        public long Failed => Report.GetProperty("failed").GetInt64();

        public IEnumerable<int> FailedLines => Report.GetProperty("failed_items").EnumerateArray().Select(f => f.GetProperty("line").GetInt32());

        public void AssertStopped(string reason)
        {
            Assert.True(Run.ExitCode == 1, Run.ToString());
            Assert.Equal("input-changed", Report.GetProperty("outcome").GetString());
            Assert.Contains(reason, Report.GetProperty("input_changed").GetString());
            Assert.Contains("the input changed while it was being written", Run.Output);
            // Every record validation saw ends written or failed: none is lost.
            Assert.Equal(Records, Report.GetProperty("records").GetInt64());
            Assert.Equal(Records, Written + Failed + Report.GetProperty("skipped").GetInt64());
            Assert.Equal(Failed, Report.GetProperty("failed_items").GetArrayLength());
            Assert.All(Report.GetProperty("failed_items").EnumerateArray(),
                f => Assert.StartsWith("not written: the input changed after validation", f.GetProperty("reason").GetString()));
            Assert.False(File.Exists(ReportPath + ".journal"), "the report holds the record; its journal is deleted");
        }

        /// <summary>The table holds exactly records [from, to) of the input as validated, read back raw.</summary>
        public void AssertStoredAsValidated(int from, int to)
        {
            var expected = Lines.Skip(from).Take(to - from).Select(line =>
            {
                using var document = JsonDocument.Parse(line);
                var item = Input.PlainJsonConverter.ToItem(document.RootElement);
                return LoaderRun.Canonical(item);
            }).Order(StringComparer.Ordinal);
            Assert.Equal(expected, Stored.Order(StringComparer.Ordinal));
        }
    }
}
