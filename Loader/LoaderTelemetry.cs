using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CafeMenu.Loader;

/// <summary>The Loader's own spans and metrics, under the name ServiceDefaults subscribes to ("CafeMenu.*").</summary>
internal static class LoaderTelemetry
{
    public const string Name = "CafeMenu.Loader";

    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> ItemsWritten = Meter.CreateCounter<long>("loader.items.written", "{item}", "Items confirmed written");
    public static readonly Counter<long> ItemsSkipped = Meter.CreateCounter<long>("loader.items.skipped", "{item}", "Items left as they were because they already existed (insert-only)");
    public static readonly Counter<long> ItemsFailed = Meter.CreateCounter<long>("loader.items.failed", "{item}", "Items not written, with a reason in the report");
    public static readonly Counter<long> Retries = Meter.CreateCounter<long>("loader.retries", "{retry}", "Requests sent again (unprocessed items, throttling, transient errors)");
    public static readonly Counter<long> Throttles = Meter.CreateCounter<long>("loader.throttles", "{throttle}", "Throttling answers and unprocessed items");
    public static readonly Histogram<double> BatchDuration = Meter.CreateHistogram<double>("loader.batch.duration", "s", "Time to write one batch, retries included");

    private static double _itemsPerSecond;
    private static int _concurrency;

    static LoaderTelemetry()
    {
        Meter.CreateObservableGauge("loader.items.rate", () => Volatile.Read(ref _itemsPerSecond), "{item}/s", "Items finished per second, averaged over the load so far");
        Meter.CreateObservableGauge("loader.concurrency", () => Volatile.Read(ref _concurrency), "{request}", "Requests allowed in flight");
    }

    public static void ReportRate(double itemsPerSecond) => Volatile.Write(ref _itemsPerSecond, itemsPerSecond);

    public static void ReportConcurrency(int limit) => Volatile.Write(ref _concurrency, limit);
}
