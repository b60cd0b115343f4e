using CafeMenu.Dashboard.Telemetry;

namespace CafeMenu.Dashboard.Components.Shared;

/// <summary>The trace list's filters: a resource touched, text in any span name, a minimum duration, errors only.</summary>
internal sealed record TraceFilter(string? Resource, string? Name, double? MinDurationMs, bool ErrorsOnly)
{
    public bool Matches(TraceEntry trace) =>
        (string.IsNullOrEmpty(Resource) || trace.Spans.Any(s => s.Resource == Resource))
        && (string.IsNullOrEmpty(Name) || trace.Spans.Any(s => s.Name.Contains(Name, StringComparison.OrdinalIgnoreCase)))
        && (MinDurationMs is not { } min || trace.Duration.TotalMilliseconds >= min)
        && (!ErrorsOnly || trace.HasError);
}
