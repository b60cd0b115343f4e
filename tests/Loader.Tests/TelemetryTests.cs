using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using CafeMenu.TestSupport;

namespace CafeMenu.Loader.Tests;

/// <summary>A load shows as one trace (load, phases, batches) and its metrics count the items.</summary>
[Collection(DynamoCollection.Name)]
public class TelemetryTests(DynamoDbLocalFixture dynamo)
{
    [Fact]
    public async Task A_load_is_one_trace_with_phase_and_batch_spans_and_item_metrics()
    {
        var table = DynamoDbLocalFixture.UniqueTableName("otel");
        var file = LoaderRun.TempFile("t.ndjson", string.Concat(Enumerable.Range(0, 60).Select(i => $"{{\"product_name\":\"p{i}\"}}\n")));
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == LoaderTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        long written = 0;
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == LoaderTelemetry.Name) l.EnableMeasurementEvents(instrument);
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "loader.items.written") Interlocked.Add(ref written, value);
        });
        meters.Start();

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--progress", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        var load = Assert.Single(spans, s => s.OperationName == "loader.load" && (string?)s.GetTagItem("db.collection.name") == table);
        var trace = spans.Where(s => s.TraceId == load.TraceId).ToList();
        var phases = trace.Where(s => s.ParentSpanId == load.SpanId).Select(s => s.OperationName).ToList();
        Assert.Equal(["loader.prepare-table", "loader.validate", "loader.write"], phases.Order().ToList());
        var write = trace.Single(s => s.OperationName == "loader.write");
        var batches = trace.Where(s => s.OperationName == "loader.batch").ToList();
        Assert.Equal(3, batches.Count); // 60 items in batches of 25
        Assert.All(batches, b => Assert.Equal(write.SpanId, b.ParentSpanId));
        Assert.Equal(60, batches.Sum(b => (int)b.GetTagItem("loader.batch.items")!));
        Assert.Equal(60L, write.GetTagItem("loader.items.written"));
        Assert.True(Interlocked.Read(ref written) >= 60);
    }
}
