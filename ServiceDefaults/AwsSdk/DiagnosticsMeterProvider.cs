using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.Runtime.Telemetry;
using Amazon.Runtime.Telemetry.Metrics;
using Diagnostics = System.Diagnostics.Metrics;

namespace CafeMenu.ServiceDefaults.AwsSdk;

/// <summary>The SDK's meter provider, one <see cref="Diagnostics.Meter"/> per scope (<c>AWSSDK.DynamoDB</c>, ...).</summary>
internal sealed class DiagnosticsMeterProvider : MeterProvider
{
    private readonly ConcurrentDictionary<string, DiagnosticsMeter> _meters = new(StringComparer.Ordinal);

    public override Meter GetMeter(string scope, Attributes? attributes = null) =>
        _meters.GetOrAdd(scope, static name => new DiagnosticsMeter(new Diagnostics.Meter(name)));
}

/// <summary>
/// The SDK asks for its instruments again on every call (e.g. a new <c>client.call.duration</c> histogram per request),
/// so instruments are cached by kind, type, name and unit.
/// </summary>
internal sealed class DiagnosticsMeter(Diagnostics.Meter meter) : Meter
{
    private readonly ConcurrentDictionary<(string Kind, Type Type, string Name, string? Unit), object> _instruments = new();

    public override UpDownCounter<T> CreateUpDownCounter<T>(string name, string? units = null, string? description = null) =>
        (UpDownCounter<T>)_instruments.GetOrAdd(("updown", typeof(T), name, units), _ =>
            new DiagnosticsUpDownCounter<T>(meter.CreateUpDownCounter<T>(name, units, description)));

    public override MonotonicCounter<T> CreateMonotonicCounter<T>(string name, string? units = null, string? description = null) =>
        (MonotonicCounter<T>)_instruments.GetOrAdd(("counter", typeof(T), name, units), _ =>
            new DiagnosticsCounter<T>(meter.CreateCounter<T>(name, units, description)));

    public override Histogram<T> CreateHistogram<T>(string name, string? units = null, string? description = null) =>
        (Histogram<T>)_instruments.GetOrAdd(("histogram", typeof(T), name, units), _ =>
            new DiagnosticsHistogram<T>(meter.CreateHistogram<T>(name, units, description)));

    internal static TagList ToTagList(Attributes? attributes)
    {
        var tags = new TagList();
        foreach (var tag in SdkAttributes.ToTags(attributes)) tags.Add(tag);
        return tags;
    }
}

internal sealed class DiagnosticsUpDownCounter<T>(Diagnostics.UpDownCounter<T> counter) : UpDownCounter<T> where T : struct
{
    public override void Add(T value, Attributes? attributes = null) => counter.Add(value, DiagnosticsMeter.ToTagList(attributes));
}

internal sealed class DiagnosticsCounter<T>(Diagnostics.Counter<T> counter) : MonotonicCounter<T> where T : struct
{
    public override void Add(T value, Attributes? attributes = null) => counter.Add(value, DiagnosticsMeter.ToTagList(attributes));
}

internal sealed class DiagnosticsHistogram<T>(Diagnostics.Histogram<T> histogram) : Histogram<T> where T : struct
{
    public override void Record(T value, Attributes? attributes = null) => histogram.Record(value, DiagnosticsMeter.ToTagList(attributes));
}
