namespace CafeMenu.Dashboard.Telemetry;

/// <summary>An attribute flattened to text, as the pages show it.</summary>
internal sealed record Attribute(string Key, string Value);

internal sealed record LogEntry(
    long Sequence,
    string Resource,
    DateTimeOffset Timestamp,
    int SeverityNumber,
    string SeverityText,
    string Message,
    string Category,
    string TraceId,
    string SpanId,
    IReadOnlyList<Attribute> Attributes)
{
    public LogLevelName Level => LogLevelNames.FromSeverity(SeverityNumber);
}

internal enum LogLevelName { Trace, Debug, Information, Warning, Error, Critical }

internal static class LogLevelNames
{
    /// <summary>OTLP severity numbers come in bands of four: 1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal.</summary>
    public static LogLevelName FromSeverity(int severity) => severity switch
    {
        <= 4 => LogLevelName.Trace,
        <= 8 => LogLevelName.Debug,
        <= 12 => LogLevelName.Information,
        <= 16 => LogLevelName.Warning,
        <= 20 => LogLevelName.Error,
        _ => LogLevelName.Critical,
    };
}

internal sealed record SpanEvent(string Name, DateTimeOffset Timestamp, IReadOnlyList<Attribute> Attributes)
{
    public bool IsException => Name == "exception";
}

internal enum SpanKindName { Unspecified, Internal, Server, Client, Producer, Consumer }

internal sealed record SpanEntry(
    string TraceId,
    string SpanId,
    string ParentSpanId,
    string Name,
    SpanKindName Kind,
    string Resource,
    string Scope,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool IsError,
    string StatusMessage,
    IReadOnlyList<Attribute> Attributes,
    IReadOnlyList<SpanEvent> Events)
{
    public TimeSpan Duration => End - Start;

    public string? GetAttribute(string key) => Attributes.FirstOrDefault(a => a.Key == key)?.Value;
}

/// <summary>A trace as collected so far; spans of one trace arrive from several resources at different times.</summary>
internal sealed class TraceEntry(string traceId, long sequence)
{
    private readonly List<SpanEntry> _spans = [];

    public string TraceId { get; } = traceId;

    /// <summary>Arrival order of the trace's first span, for eviction.</summary>
    public long Sequence { get; } = sequence;

    public IReadOnlyList<SpanEntry> Spans => _spans;

    internal void Add(SpanEntry span) => _spans.Add(span);

    public DateTimeOffset Start => _spans.Min(s => s.Start);

    public DateTimeOffset End => _spans.Max(s => s.End);

    public TimeSpan Duration => End - Start;

    /// <summary>The span without a parent in this trace (or the earliest one while the root has not arrived).</summary>
    public SpanEntry Root
    {
        get
        {
            var ids = _spans.Select(s => s.SpanId).ToHashSet();
            return _spans.Where(s => s.ParentSpanId.Length == 0 || !ids.Contains(s.ParentSpanId)).MinBy(s => s.Start) ?? _spans[0];
        }
    }

    public string Name => $"{Root.Resource}: {Root.Name}";

    public IReadOnlyList<string> Resources => _spans.Select(s => s.Resource).Distinct().Order(StringComparer.Ordinal).ToList();

    public bool HasError => _spans.Any(s => s.IsError);

    /// <summary>An immutable copy for the pages, which read while the receiver writes.</summary>
    internal TraceEntry Copy()
    {
        var copy = new TraceEntry(TraceId, Sequence);
        copy._spans.AddRange(_spans);
        return copy;
    }
}

internal enum InstrumentKind { Gauge, Counter, UpDownCounter, Histogram }

internal sealed record InstrumentKey(string Resource, string Scope, string Name);

internal sealed class Instrument(InstrumentKey key, InstrumentKind kind, string description, string unit)
{
    public InstrumentKey Key { get; } = key;

    public InstrumentKind Kind { get; } = kind;

    public string Description { get; } = description;

    public string Unit { get; } = unit;

    /// <summary>Series by their attribute set ("k=v, k=v").</summary>
    public Dictionary<string, MetricSeries> Series { get; } = new(StringComparer.Ordinal);
}

internal sealed class MetricSeries(IReadOnlyList<Attribute> attributes)
{
    public IReadOnlyList<Attribute> Attributes { get; } = attributes;

    public LinkedList<MetricPoint> Points { get; } = new();
}

/// <summary>A data point: a number (gauge, sum) or a histogram (count, sum, buckets); values are as sent (cumulative or delta).</summary>
internal sealed record MetricPoint(
    DateTimeOffset Start,
    DateTimeOffset Time,
    double Value,
    bool IsDelta,
    ulong Count = 0,
    IReadOnlyList<double>? Bounds = null,
    IReadOnlyList<ulong>? BucketCounts = null);
