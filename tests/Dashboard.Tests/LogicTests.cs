using CafeMenu.Dashboard.Components.Shared;
using CafeMenu.Dashboard.DynamoDb;
using CafeMenu.Dashboard.Telemetry;
using static CafeMenu.Dashboard.Tests.TelemetryStoreTests;
using Attribute = CafeMenu.Dashboard.Telemetry.Attribute;

namespace CafeMenu.Dashboard.Tests;

public sealed class LogicTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Counter_rates_come_from_differences_and_skip_restarts()
    {
        var points = new[] { Cumulative(0, 10), Cumulative(2, 30), Cumulative(4, 5), Cumulative(6, 15) };
        var rates = MetricChartData.Rates(points);
        Assert.Equal([10d, 5d], rates.Select(r => r.Value));
    }

    [Fact]
    public void Delta_counter_rates_use_their_own_interval()
    {
        var rates = MetricChartData.Rates([new MetricPoint(T0, T0.AddSeconds(4), 20, IsDelta: true)]);
        Assert.Equal(5d, Assert.Single(rates).Value);
    }

    [Theory]
    [InlineData(0.25, 15)]
    [InlineData(0.50, 20)]
    [InlineData(0.90, 36)]
    [InlineData(1.00, 40)]
    public void Histogram_percentiles_interpolate_within_buckets(double q, double expected)
    {
        // 10 values in (10, 20], 10 in (20, 40], none above.
        Assert.Equal(expected, MetricChartData.Percentile([10, 20, 40], [0UL, 10UL, 10UL, 0UL], q), precision: 6);
    }

    [Fact]
    public void Histogram_lines_are_p50_p90_p99_of_each_interval()
    {
        var series = new SeriesSnapshot([], [
            new MetricPoint(T0, T0.AddSeconds(1), 0, false, 10, [10, 20], [10UL, 0UL, 0UL]),
            new MetricPoint(T0, T0.AddSeconds(2), 0, false, 20, [10, 20], [10UL, 10UL, 0UL]),
        ]);
        var lines = MetricChartData.Lines(InstrumentKind.Histogram, [series]);
        Assert.Equal(["p50", "p90", "p99"], lines.Select(l => l.Label));
        // Only the second interval's own values count: all 10 fall in (10, 20].
        Assert.Equal(15, Assert.Single(lines[0].Points).Value, precision: 6);
    }

    [Fact]
    public void Dimension_filters_choose_series()
    {
        var a = new SeriesSnapshot([new Attribute("route", "/a")], [Cumulative(0, 1)]);
        var b = new SeriesSnapshot([new Attribute("route", "/b")], [Cumulative(0, 2)]);
        Assert.Equal([b], MetricChartData.Filter([a, b], new Dictionary<string, string> { ["route"] = "/b" }));
        Assert.Equal([a, b], MetricChartData.Filter([a, b], new Dictionary<string, string> { ["route"] = "" }));
        Assert.Equal(["/a", "/b"], MetricChartData.Dimensions([a, b])["route"]);
    }

    [Fact]
    public void Waterfall_places_spans_in_tree_order_on_the_traces_time_line()
    {
        var trace = new TraceEntry("t", 1);
        trace.Add(Span("t", "child", parent: "root", startMs: 50, durationMs: 50));
        trace.Add(Span("t", "root", startMs: 0, durationMs: 100));
        trace.Add(Span("t", "orphan", parent: "not-arrived", startMs: 10, durationMs: 10));

        var rows = Waterfall.Layout(trace);
        Assert.Equal(["root", "child", "orphan"], rows.Select(r => r.Span.SpanId));
        Assert.Equal([0, 1, 0], rows.Select(r => r.Depth));
        Assert.Equal(50, rows[1].OffsetPercent, precision: 6);
        Assert.Equal(50, rows[1].WidthPercent, precision: 6);
    }

    [Fact]
    public void DynamoDb_stats_group_by_operation_and_table_with_capacity()
    {
        var spans = new[]
        {
            Span("t", "1", name: "DynamoDB.Query", durationMs: 4, kind: SpanKindName.Client, attributes: [new("rpc.method", "Query"), new("aws.dynamodb.table_names", "[FoodProducts]"), new("aws.dynamodb.consumed_capacity", """[{"TableName":"FoodProducts","CapacityUnits":0.5}]""")]),
            Span("t", "2", name: "DynamoDB.Query", durationMs: 8, kind: SpanKindName.Client, attributes: [new("rpc.method", "Query"), new("aws.dynamodb.table_names", "[FoodProducts]"), new("aws.dynamodb.consumed_capacity", """[{"TableName":"FoodProducts","CapacityUnits":1.5,"Table":{"CapacityUnits":1.5}}]""")]),
            Span("t", "3", name: "DynamoDB.GetItem", durationMs: 2, error: true, kind: SpanKindName.Client, attributes: [new("aws.dynamodb.table_names", "[FoodProducts]")]),
            Span("t", "4", name: "DynamoDB.HttpRequest-lookalike", kind: SpanKindName.Internal),
        };

        var stats = DynamoDbOperationStats.From(spans);
        Assert.Equal(2, stats.Count);
        var get = stats[0];
        Assert.Equal(("GetItem", "FoodProducts", 1, 1), (get.Operation, get.Tables, get.Calls, get.Errors));
        var query = stats[1];
        Assert.Equal((2, 4d, 8d, 2.0), (query.Calls, query.P50Ms, query.P99Ms, query.CapacityUnits));
    }

    [Fact]
    public void Log_filter_matches_attributes_by_key_and_value_or_any_word()
    {
        var log = Log("x", attributes: [new Attribute("table", "FoodProducts"), new Attribute("route", "/menu")]);
        Assert.True(new LogFilter(null, LogLevelName.Trace, null, "table=food", null).Matches(log));
        Assert.False(new LogFilter(null, LogLevelName.Trace, null, "route=food", null).Matches(log));
        Assert.True(new LogFilter(null, LogLevelName.Trace, null, "menu", null).Matches(log));
        Assert.False(new LogFilter("web", LogLevelName.Trace, null, null, null).Matches(log));
        Assert.False(new LogFilter(null, LogLevelName.Warning, null, null, null).Matches(log));
    }

    [Fact]
    public void Secrets_are_masked_by_name()
    {
        Assert.Equal(SecretMask.Masked, SecretMask.Show("OTEL_EXPORTER_OTLP_HEADERS", "x-otlp-api-key=abc"));
        Assert.Equal(SecretMask.Masked, SecretMask.Show("AWS_SECRET_ACCESS_KEY", "local"));
        Assert.Equal("api", SecretMask.Show("OTEL_SERVICE_NAME", "api"));
    }

    private static MetricPoint Cumulative(int second, double value) => new(T0, T0.AddSeconds(second), value, false);
}
