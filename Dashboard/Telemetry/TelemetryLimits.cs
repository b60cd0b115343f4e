namespace CafeMenu.Dashboard.Telemetry;

/// <summary>How much telemetry the dashboard keeps in memory; bound from "Dashboard:Limits".</summary>
public sealed class TelemetryLimits
{
    public const string SectionName = "Dashboard:Limits";

    public int MaxLogRecords { get; set; } = 10_000;

    public int MaxTraces { get; set; } = 10_000;

    public int MaxMetricPoints { get; set; } = 50_000;

    public int MaxConsoleLinesPerResource { get; set; } = 10_000;
}
