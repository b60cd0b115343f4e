namespace CafeMenu.Dashboard.Telemetry;

internal enum TelemetrySignal { Logs, Traces, Metrics, Console }

/// <summary>How much of each signal was pushed out of the store to stay within its limits.</summary>
internal sealed record DroppedCounts(long Logs, long Traces, long MetricPoints, long ConsoleLines);

internal sealed record InstrumentSummary(InstrumentKey Key, InstrumentKind Kind, string Description, string Unit, int SeriesCount);

internal sealed record SeriesSnapshot(IReadOnlyList<Attribute> Attributes, IReadOnlyList<MetricPoint> Points);
