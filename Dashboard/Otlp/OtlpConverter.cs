using System.Globalization;
using CafeMenu.Dashboard.Otlp.Proto.Collector.Logs;
using CafeMenu.Dashboard.Otlp.Proto.Collector.Metrics;
using CafeMenu.Dashboard.Otlp.Proto.Collector.Trace;
using CafeMenu.Dashboard.Otlp.Proto.Common;
using CafeMenu.Dashboard.Otlp.Proto.Metrics;
using CafeMenu.Dashboard.Otlp.Proto.Resource;
using CafeMenu.Dashboard.Telemetry;
using Google.Protobuf;
using Attribute = CafeMenu.Dashboard.Telemetry.Attribute;
using ProtoSpan = CafeMenu.Dashboard.Otlp.Proto.Trace.Span;
using ProtoStatus = CafeMenu.Dashboard.Otlp.Proto.Trace.Status;

namespace CafeMenu.Dashboard.Otlp;

/// <summary>Turns OTLP export requests (decoded from protobuf or JSON) into the store's records.</summary>
internal static class OtlpConverter
{
    public const string UnknownResource = "unknown_service";

    public static void AddTo(TelemetryStore store, ExportLogsServiceRequest request)
    {
        var entries = new List<LogEntry>();
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = ResourceName(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                foreach (var record in scopeLogs.LogRecords)
                {
                    var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
                    var attributes = ToAttributes(record.Attributes);
                    entries.Add(new LogEntry(
                        0,
                        resource,
                        FromUnixNano(time),
                        (int)record.SeverityNumber,
                        record.SeverityText,
                        FormatMessage(record.Body is null ? "" : ToText(record.Body), attributes),
                        scopeLogs.Scope?.Name ?? "",
                        ToHex(record.TraceId),
                        ToHex(record.SpanId),
                        attributes));
                }
            }
        }

        store.AddLogs(entries);
    }

    public static void AddTo(TelemetryStore store, ExportTraceServiceRequest request)
    {
        var spans = new List<SpanEntry>();
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = ResourceName(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                foreach (var span in scopeSpans.Spans)
                {
                    spans.Add(new SpanEntry(
                        ToHex(span.TraceId),
                        ToHex(span.SpanId),
                        ToHex(span.ParentSpanId),
                        span.Name,
                        (SpanKindName)(int)span.Kind,
                        resource,
                        scopeSpans.Scope?.Name ?? "",
                        FromUnixNano(span.StartTimeUnixNano),
                        FromUnixNano(span.EndTimeUnixNano),
                        span.Status?.Code == ProtoStatus.Types.StatusCode.Error,
                        span.Status?.Message ?? "",
                        ToAttributes(span.Attributes),
                        span.Events.Select(e => new SpanEvent(e.Name, FromUnixNano(e.TimeUnixNano), ToAttributes(e.Attributes))).ToList()));
                }
            }
        }

        store.AddSpans(spans);
    }

    public static void AddTo(TelemetryStore store, ExportMetricsServiceRequest request)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var resource = ResourceName(resourceMetrics.Resource);
            foreach (var scopeMetrics in resourceMetrics.ScopeMetrics)
            {
                var scope = scopeMetrics.Scope?.Name ?? "";
                foreach (var metric in scopeMetrics.Metrics)
                {
                    AddMetric(store, new InstrumentKey(resource, scope, metric.Name), metric);
                }
            }
        }
    }

    private static void AddMetric(TelemetryStore store, InstrumentKey key, Metric metric)
    {
        switch (metric.DataCase)
        {
            case Metric.DataOneofCase.Gauge:
                store.AddMetricPoints(
                    new Instrument(key, InstrumentKind.Gauge, metric.Description, metric.Unit),
                    metric.Gauge.DataPoints.Select(p => NumberPoint(p, isDelta: false)));
                break;
            case Metric.DataOneofCase.Sum:
                var kind = metric.Sum.IsMonotonic ? InstrumentKind.Counter : InstrumentKind.UpDownCounter;
                var delta = metric.Sum.AggregationTemporality == AggregationTemporality.Delta;
                store.AddMetricPoints(
                    new Instrument(key, kind, metric.Description, metric.Unit),
                    metric.Sum.DataPoints.Select(p => NumberPoint(p, delta)));
                break;
            case Metric.DataOneofCase.Histogram:
                var histogramDelta = metric.Histogram.AggregationTemporality == AggregationTemporality.Delta;
                store.AddMetricPoints(
                    new Instrument(key, InstrumentKind.Histogram, metric.Description, metric.Unit),
                    metric.Histogram.DataPoints.Select(p => ((IReadOnlyList<Attribute>)ToAttributes(p.Attributes), new MetricPoint(
                        FromUnixNano(p.StartTimeUnixNano),
                        FromUnixNano(p.TimeUnixNano),
                        p.HasSum ? p.Sum : 0,
                        histogramDelta,
                        p.Count,
                        p.ExplicitBounds.ToList(),
                        p.BucketCounts.ToList()))));
                break;
        }
    }

    private static (IReadOnlyList<Attribute>, MetricPoint) NumberPoint(NumberDataPoint point, bool isDelta) =>
        (ToAttributes(point.Attributes), new MetricPoint(
            FromUnixNano(point.StartTimeUnixNano),
            FromUnixNano(point.TimeUnixNano),
            point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble,
            isDelta));

    /// <summary>
    /// The .NET exporter sends the message template as the body unless the formatted message is included; fill in
    /// "{Name}" placeholders from the attributes so both read the same.
    /// </summary>
    public static string FormatMessage(string body, IReadOnlyList<Attribute> attributes)
    {
        if (!body.Contains('{')) return body;
        foreach (var attribute in attributes)
        {
            if (attribute.Key.StartsWith('{')) continue;
            body = body.Replace("{" + attribute.Key + "}", attribute.Value, StringComparison.Ordinal);
        }

        return body;
    }

    public static string ResourceName(Resource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name")?.Value is { } value ? ToText(value) : UnknownResource;

    public static List<Attribute> ToAttributes(IEnumerable<KeyValue> values) =>
        values.Select(kv => new Attribute(kv.Key, kv.Value is null ? "" : ToText(kv.Value))).ToList();

    public static string ToText(AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(ToText)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => $"{kv.Key}: {(kv.Value is null ? "" : ToText(kv.Value))}")) + "}",
        AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToBase64(),
        _ => "",
    };

    public static string ToHex(ByteString bytes) => bytes.IsEmpty ? "" : Convert.ToHexStringLower(bytes.Span);

    public static DateTimeOffset FromUnixNano(ulong nanoseconds) =>
        DateTimeOffset.UnixEpoch.AddTicks((long)(nanoseconds / 100));
}
