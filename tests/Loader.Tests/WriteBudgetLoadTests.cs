using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text.Json;
using CafeMenu.TestSupport;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// --max-wcu end to end against DynamoDB Local: the capacity a budgeted load reports is what DynamoDB's answers said (as the
/// service defaults' telemetry saw them), insert-only is charged twice what upsert is, the budget binds, and bad values exit 2.
/// </summary>
[Collection(DynamoCollection.Name)]
public class WriteBudgetLoadTests(DynamoDbLocalFixture dynamo)
{
    /// <summary>The service defaults' counter of the units in DynamoDB's answers (ServiceDefaults/AwsSdk/DynamoDbTelemetryHandler.cs).</summary>
    private const string ConsumedCapacityMeter = "CafeMenu.DynamoDb";

    /// <summary>Items of 17 bytes (1 unit), exactly 1,024 (1 unit), 1,025 (2 units) and 2,500 (3 units), in turn: 7 units per 4 items.</summary>
    private static string ItemsOfKnownCost(int count, out double unitsUpsert)
    {
        int[] sizes = [17, 1024, 1025, 2500];
        unitsUpsert = 0;
        var lines = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var size = sizes[i % sizes.Length];
            // "product_name" (12 bytes) + "p0000" (5) + "d" (1) + the padding.
            var padding = size - 12 - 5 - 1;
            lines.Append($"{{\"product_name\":\"p{i:0000}\"").Append(padding > 0 ? $",\"d\":\"{new string('x', padding)}\"" : "").Append("}\n");
            unitsUpsert += Math.Ceiling(size / 1024.0);
        }

        return LoaderRun.TempFile("known-cost.ndjson", lines.ToString());
    }

    [Fact]
    public async Task A_budgeted_load_reports_the_capacity_DynamoDBs_answers_gave()
    {
        var table = DynamoDbLocalFixture.UniqueTableName("wcu");
        var file = ItemsOfKnownCost(200, out var expected);
        var report = Path.ChangeExtension(file, ".report.json");
        using var answers = new CapacityInAnswers(table);

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--max-wcu", "1000", "--report", report, "--progress", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var r = json.RootElement;
        Assert.Equal(1000, r.GetProperty("max_wcu").GetInt32());
        Assert.Equal(expected, answers.Total); // 350: DynamoDB Local charges by the same rule, 1 unit per started KB
        Assert.Equal(answers.Total, r.GetProperty("reported_wcu").GetDouble());
        Assert.Equal(answers.Total, r.GetProperty("consumed_wcu").GetDouble());
        Assert.Equal(expected / r.GetProperty("write_seconds").GetDouble(), r.GetProperty("consumed_wcu_per_second").GetDouble(), 6);
        Assert.Contains("350 WCU, ", run.Output);
        Assert.Contains("WCU/s of a 1,000 WCU/s budget", run.Output);
    }

    [Fact]
    public async Task An_insert_only_load_consumes_twice_the_capacity_of_an_upsert_of_the_same_items()
    {
        var upsertTable = DynamoDbLocalFixture.UniqueTableName("wcu-upsert");
        var insertTable = DynamoDbLocalFixture.UniqueTableName("wcu-insert");
        var file = ItemsOfKnownCost(200, out var unitsUpsert);
        using var upsertAnswers = new CapacityInAnswers(upsertTable);
        using var insertAnswers = new CapacityInAnswers(insertTable);

        var upsert = await LoadReportAsync(file, upsertTable, "upsert");
        var insert = await LoadReportAsync(file, insertTable, "insert-only");

        var upsertConsumed = upsert.GetProperty("consumed_wcu").GetDouble();
        var insertConsumed = insert.GetProperty("consumed_wcu").GetDouble();
        Assert.Equal(unitsUpsert, upsertConsumed);
        Assert.InRange(insertConsumed / upsertConsumed, 1.9, 2.1);
        // What the answers said, as they said it. DynamoDB Local 3.3.1 reports less for TransactWriteItems than AWS charges
        // (each distinct item size of a transaction once), so consumed_wcu keeps to the pricing rules there.
        Assert.Equal(upsertAnswers.Total, upsert.GetProperty("reported_wcu").GetDouble());
        Assert.Equal(insertAnswers.Total, insert.GetProperty("reported_wcu").GetDouble());
        Assert.True(insertAnswers.Total > 0, "TransactWriteItems answered without ConsumedCapacity");
        Assert.InRange(insert.GetProperty("reported_wcu").GetDouble(), 1, insertConsumed);
    }

    [Fact]
    public async Task A_budget_below_what_DynamoDB_takes_binds_even_with_many_requests_in_flight_and_progress_shows_it()
    {
        var table = DynamoDbLocalFixture.UniqueTableName("wcu-bind");
        var file = LoaderRun.TempFile("small.ndjson", string.Concat(Enumerable.Range(0, 400).Select(i => $"{{\"product_name\":\"p{i}\"}}\n")));
        var report = Path.ChangeExtension(file, ".report.json");

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--max-wcu", "100", "--concurrency", "16",
            "--progress", "plain", "--progress-interval", "1", "--report", report);

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var r = json.RootElement;
        Assert.Equal(400, r.GetProperty("consumed_wcu").GetDouble());
        // 400 units at 100 a second cannot be written in less than (400 - the bucket's 10) / 100 = 3.9 s, however fast
        // DynamoDB Local is; a slow machine only makes it longer.
        Assert.True(r.GetProperty("write_seconds").GetDouble() >= 3.8, run.ToString());
        Assert.Contains(run.Output.Split('\n'), line => line.StartsWith("progress: ", StringComparison.Ordinal) && line.Contains("WCU/s (budget 100)"));
    }

    [Fact]
    public async Task Without_a_budget_requests_ask_for_no_capacity_and_the_report_says_null()
    {
        var table = DynamoDbLocalFixture.UniqueTableName("wcu-none");
        var file = ItemsOfKnownCost(60, out _);
        using var answers = new CapacityInAnswers(table);

        var r = await LoadReportAsync(file, table, "upsert", budget: null);

        Assert.Equal(60, r.GetProperty("written").GetInt64());
        Assert.Equal(0, answers.Count); // ReturnConsumedCapacity NONE: no answer carried a figure
        foreach (var field in new[] { "max_wcu", "consumed_wcu", "consumed_wcu_per_second", "reported_wcu" })
        {
            Assert.Equal(JsonValueKind.Null, r.GetProperty(field).ValueKind);
        }
    }

    [Theory]
    [InlineData("--max-wcu", "0", "--max-wcu must be a whole number of write capacity units per second, 1 or more, not '0'")]
    [InlineData("--max-wcu", "-5", "--max-wcu must be a whole number of write capacity units per second, 1 or more, not '-5'")]
    [InlineData("--max-wcu", "abc", "--max-wcu must be a whole number of write capacity units per second, 1 or more, not 'abc'")]
    [InlineData("--max-wcu", "1.5", "not '1.5'")]
    [InlineData("--max-wcu", "99999999999", "not '99999999999'")]
    [InlineData("--max-wcu", "", "Required argument missing for option: '--max-wcu'")]
    [InlineData("--progress-interval", "0", "--progress-interval must be a whole number of seconds from 1 to 3600, not '0'")]
    [InlineData("--progress-interval", "soon", "--progress-interval must be a whole number of seconds from 1 to 3600, not 'soon'")]
    public async Task A_bad_value_exits_2_with_a_clear_error_before_anything_is_written(string option, string value, string error)
    {
        var table = DynamoDbLocalFixture.UniqueTableName("wcu-bad");
        var file = LoaderRun.TempFile("a.ndjson", "{\"product_name\":\"a\"}\n");

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", $"{option}={value}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(error, run.Error);
        Assert.DoesNotContain("   at ", run.Error + run.Output); // no stack trace
        using var client = dynamo.CreateClient();
        Assert.Null(await Menu.TableSetup.DescribeOrNullAsync(client, table, CancellationToken.None));
    }

    [Fact]
    public async Task A_negative_budget_given_as_a_separate_word_is_refused_too()
    {
        var file = LoaderRun.TempFile("a.ndjson", "{\"product_name\":\"a\"}\n");

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--max-wcu", "-5");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--max-wcu", run.Error);
        Assert.DoesNotContain("   at ", run.Error + run.Output);
    }

    private async Task<JsonElement> LoadReportAsync(string file, string table, string mode, string? budget = "100000")
    {
        var report = Path.Combine(Path.GetDirectoryName(file)!, $"{table}.report.json");
        string[] args = ["load", file, "--table", table, "--create-table", "--mode", mode, "--report", report, "--progress", "none"];
        var run = await LoaderRun.RunAsync(dynamo, budget is null ? args : [.. args, "--max-wcu", budget]);
        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        return json.RootElement.Clone();
    }

    /// <summary>Adds up the consumed capacity DynamoDB's answers carried for one table, as the service defaults' telemetry records it.</summary>
    private sealed class CapacityInAnswers : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentBag<double> _units = [];

        public CapacityInAnswers(string table)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ConsumedCapacityMeter) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag is { Key: "aws.dynamodb.table_name", Value: string name } && name == table) _units.Add(value);
                }
            });
            _listener.Start();
        }

        public double Total => _units.Sum();

        public int Count => _units.Count;

        public void Dispose() => _listener.Dispose();
    }
}
