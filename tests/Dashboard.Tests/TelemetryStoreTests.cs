using CafeMenu.Dashboard.Telemetry;
using CafeMenu.Hosting;
using Microsoft.Extensions.Options;
using Attribute = CafeMenu.Dashboard.Telemetry.Attribute;

namespace CafeMenu.Dashboard.Tests;

public sealed class TelemetryStoreTests
{
    private static TelemetryStore Store(int logs = 10, int traces = 10, int points = 10, int console = 10) =>
        new(Options.Create(new TelemetryLimits { MaxLogRecords = logs, MaxTraces = traces, MaxMetricPoints = points, MaxConsoleLinesPerResource = console }));

    [Fact]
    public void Defaults_are_the_documented_limits()
    {
        var limits = new TelemetryLimits();
        Assert.Equal((10_000, 10_000, 50_000, 10_000), (limits.MaxLogRecords, limits.MaxTraces, limits.MaxMetricPoints, limits.MaxConsoleLinesPerResource));
    }

    [Fact]
    public void Logs_keep_the_newest_and_count_the_dropped()
    {
        var store = Store(logs: 3);
        store.AddLogs(Enumerable.Range(1, 5).Select(i => Log($"m{i}")));

        Assert.Equal(["m3", "m4", "m5"], store.GetLogs().Select(l => l.Message));
        Assert.Equal(2, store.GetDropped().Logs);
    }

    [Fact]
    public void Traces_are_dropped_whole_oldest_first_and_late_spans_join_their_trace()
    {
        var store = Store(traces: 2);
        store.AddSpans([Span("t1", "a"), Span("t2", "a")]);
        store.AddSpans([Span("t1", "b"), Span("t3", "a")]);

        Assert.Null(store.GetTrace("t1"));
        Assert.Equal(["t3", "t2"], store.GetTraces().Select(t => t.TraceId));
        Assert.Equal(1, store.GetDropped().Traces);

        store.AddSpans([Span("t3", "b")]);
        Assert.Equal(2, store.GetTrace("t3")!.Spans.Count);
    }

    [Fact]
    public void Traces_are_listed_newest_start_first_whatever_order_they_arrived_in()
    {
        var store = Store();
        store.AddSpans([Span("late", "a", startMs: 200)]);
        store.AddSpans([Span("early", "a", startMs: 100), Span("latest", "a", startMs: 300)]);

        Assert.Equal(["latest", "late", "early"], store.GetTraces().Select(t => t.TraceId));
    }

    [Fact]
    public void Metric_points_are_bounded_across_series_oldest_first()
    {
        var store = Store(points: 4);
        var instrument = new Instrument(new InstrumentKey("api", "scope", "requests"), InstrumentKind.Counter, "", "");
        for (var i = 0; i < 3; i++)
        {
            store.AddMetricPoints(instrument, [
                ([new Attribute("route", "a")], Point(i)),
                ([new Attribute("route", "b")], Point(i)),
            ]);
        }

        Assert.Equal(4, store.MetricPointCount);
        Assert.Equal(2, store.GetDropped().MetricPoints);
        var series = store.GetSeries(instrument.Key);
        Assert.Equal(2, series.Count);
        Assert.All(series, s => Assert.Equal([1d, 2d], s.Points.Select(p => p.Value)));
    }

    [Fact]
    public void Console_lines_are_bounded_per_resource()
    {
        var store = Store(console: 2);
        foreach (var i in Enumerable.Range(1, 4)) store.AddConsoleLine(new ConsoleLogLine("api", DateTimeOffset.UtcNow, $"api {i}", false));
        store.AddConsoleLine(new ConsoleLogLine("web", DateTimeOffset.UtcNow, "web 1", true));

        Assert.Equal(["api 3", "api 4"], store.GetConsoleLines("api").Select(l => l.Text));
        Assert.Equal(2, store.GetDroppedConsoleLines("api"));
        Assert.Equal(["web 1"], store.GetConsoleLines("web").Select(l => l.Text));
        Assert.Equal(2, store.GetDropped().ConsoleLines);
    }

    [Fact]
    public void Subscribers_hear_changes_until_they_dispose()
    {
        var store = Store();
        var heard = new List<TelemetrySignal>();
        var subscription = store.Subscribe(heard.Add);
        store.AddLogs([Log("a")]);
        subscription.Dispose();
        store.AddLogs([Log("b")]);

        Assert.Equal([TelemetrySignal.Logs], heard);
    }

    [Fact]
    public void A_limit_of_one_keeps_only_the_newest()
    {
        var store = new TelemetryStore(Options.Create(new TelemetryLimits { MaxLogRecords = 1 }));
        store.AddLogs([Log("a"), Log("b")]);
        Assert.Equal("b", Assert.Single(store.GetLogs()).Message);
    }

    internal static LogEntry Log(string message, string resource = "api", int severity = 9, string traceId = "", params Attribute[] attributes) =>
        new(0, resource, DateTimeOffset.UtcNow, severity, "", message, "cat", traceId, "", attributes);

    internal static SpanEntry Span(string traceId, string spanId, string parent = "", string resource = "api", string name = "op", double startMs = 0, double durationMs = 1, bool error = false, SpanKindName kind = SpanKindName.Internal, params Attribute[] attributes)
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMilliseconds(startMs);
        return new SpanEntry(traceId, spanId, parent, name, kind, resource, "scope", start, start.AddMilliseconds(durationMs), error, "", attributes, []);
    }

    private static MetricPoint Point(double value) => new(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddSeconds(value), value, false);
}
