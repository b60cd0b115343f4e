using CafeMenu.Dashboard.Otlp;
using CafeMenu.Dashboard.Otlp.Proto.Collector.Logs;
using CafeMenu.Dashboard.Otlp.Proto.Collector.Metrics;
using CafeMenu.Dashboard.Otlp.Proto.Collector.Trace;
using CafeMenu.Dashboard.Otlp.Proto.Common;
using CafeMenu.Dashboard.Otlp.Proto.Logs;
using CafeMenu.Dashboard.Otlp.Proto.Resource;
using CafeMenu.Dashboard.Otlp.Proto.Trace;
using CafeMenu.Dashboard.Telemetry;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace CafeMenu.Dashboard.Tests;

public sealed class OtlpDecodingTests
{
    private readonly TelemetryStore _store = new(Options.Create(new TelemetryLimits()));

    [Fact]
    public void Json_traces_keep_hex_ids_enums_and_attributes()
    {
        OtlpConverter.AddTo(_store, OtlpJson.Parse<ExportTraceServiceRequest>(OtlpJsonSamples.Traces));

        var trace = _store.GetTrace(OtlpJsonSamples.TraceId);
        Assert.NotNull(trace);
        Assert.Equal(OtlpJsonSamples.RootSpanId, trace.Root.SpanId);
        Assert.Equal(SpanKindName.Server, trace.Root.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(250), trace.Duration);
        Assert.Equal("200", trace.Root.GetAttribute("http.response.status_code"));
        Assert.Equal("true", trace.Root.GetAttribute("sampled"));
        var child = Assert.Single(trace.Spans, s => s.SpanId == OtlpJsonSamples.ChildSpanId);
        Assert.Equal(OtlpJsonSamples.RootSpanId, child.ParentSpanId);
        Assert.Equal(SpanKindName.Client, child.Kind);
        Assert.True(child.IsError);
        Assert.Equal("timeout", child.StatusMessage);
        Assert.True(Assert.Single(child.Events).IsException);
        Assert.True(trace.HasError);
        Assert.Equal(["web"], trace.Resources);
    }

    [Fact]
    public void Json_logs_keep_severity_body_trace_and_arrays()
    {
        OtlpConverter.AddTo(_store, OtlpJson.Parse<ExportLogsServiceRequest>(OtlpJsonSamples.Logs));

        var log = Assert.Single(_store.GetLogs());
        Assert.Equal("api", log.Resource);
        Assert.Equal(LogLevelName.Error, log.Level);
        Assert.Equal("Table FoodProducts not found", log.Message);
        Assert.Equal(OtlpJsonSamples.TraceId, log.TraceId);
        Assert.Equal(OtlpJsonSamples.RootSpanId, log.SpanId);
        Assert.Equal("CafeMenu.Api.MenuApi", log.Category);
        Assert.Contains(log.Attributes, a => a.Key == "tags" && a.Value == "[a, b]");
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), log.Timestamp);
    }

    [Fact]
    public void Json_metrics_keep_sums_histograms_and_gauges()
    {
        OtlpConverter.AddTo(_store, OtlpJson.Parse<ExportMetricsServiceRequest>(OtlpJsonSamples.Metrics));

        var instruments = _store.GetInstruments("api");
        Assert.Equal(3, instruments.Count);
        var reads = Assert.Single(instruments, i => i.Key.Name == "menu.reads");
        Assert.Equal(InstrumentKind.Counter, reads.Kind);
        var readSeries = Assert.Single(_store.GetSeries(reads.Key));
        Assert.Equal(42, Assert.Single(readSeries.Points).Value);
        Assert.Equal("/menu", Assert.Single(readSeries.Attributes).Value);

        var histogram = Assert.Single(instruments, i => i.Key.Name == "http.server.request.duration");
        var point = Assert.Single(Assert.Single(_store.GetSeries(histogram.Key)).Points);
        Assert.Equal(4UL, point.Count);
        Assert.Equal([1UL, 2UL, 1UL], point.BucketCounts);
        Assert.Equal([0.05, 0.1], point.Bounds);

        var gauge = Assert.Single(instruments, i => i.Key.Name == "process.memory");
        Assert.Equal(InstrumentKind.Gauge, gauge.Kind);
        Assert.Equal(12.5, Assert.Single(Assert.Single(_store.GetSeries(gauge.Key)).Points).Value);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("""{ "resourceSpans": [{ "scopeSpans": [{ "spans": [{ "traceId": "xyz" }] }] }] }""")]
    [InlineData("""{ "resourceSpans": "nope" }""")]
    public void Malformed_json_is_a_format_error(string json) =>
        Assert.Throws<FormatException>(() => OtlpJson.Parse<ExportTraceServiceRequest>(json));

    [Fact]
    public void Protobuf_round_trip_keeps_every_field_read()
    {
        var traceId = ByteString.CopyFrom(Convert.FromHexString(OtlpJsonSamples.TraceId));
        var request = new ExportTraceServiceRequest
        {
            ResourceSpans =
            {
                new ResourceSpans
                {
                    Resource = new Resource { Attributes = { Kv("service.name", "api") } },
                    ScopeSpans =
                    {
                        new ScopeSpans
                        {
                            Scope = new InstrumentationScope { Name = "AWSSDK.DynamoDBv2" },
                            Spans =
                            {
                                new Span
                                {
                                    TraceId = traceId,
                                    SpanId = ByteString.CopyFrom(Convert.FromHexString(OtlpJsonSamples.ChildSpanId)),
                                    ParentSpanId = ByteString.CopyFrom(Convert.FromHexString(OtlpJsonSamples.RootSpanId)),
                                    Name = "DynamoDB.GetItem",
                                    Kind = Span.Types.SpanKind.Client,
                                    StartTimeUnixNano = 1_700_000_000_000_000_000,
                                    EndTimeUnixNano = 1_700_000_000_003_000_000,
                                    Attributes = { Kv("rpc.method", "GetItem") },
                                },
                            },
                        },
                    },
                },
            },
        };

        var decoded = ExportTraceServiceRequest.Parser.ParseFrom(request.ToByteArray());
        OtlpConverter.AddTo(_store, decoded);

        var span = Assert.Single(_store.GetTrace(OtlpJsonSamples.TraceId)!.Spans);
        Assert.Equal("api", span.Resource);
        Assert.Equal("AWSSDK.DynamoDBv2", span.Scope);
        Assert.Equal(OtlpJsonSamples.ChildSpanId, span.SpanId);
        Assert.Equal(OtlpJsonSamples.RootSpanId, span.ParentSpanId);
        Assert.Equal(TimeSpan.FromMilliseconds(3), span.Duration);
        Assert.Equal("GetItem", span.GetAttribute("rpc.method"));
    }

    [Fact]
    public void Protobuf_logs_without_a_time_use_the_observed_time_and_resource_falls_back()
    {
        var request = new ExportLogsServiceRequest
        {
            ResourceLogs =
            {
                new ResourceLogs
                {
                    ScopeLogs = { new ScopeLogs { LogRecords = { new LogRecord { ObservedTimeUnixNano = 1_700_000_000_000_000_000, SeverityNumber = SeverityNumber.Info, Body = new AnyValue { StringValue = "hi" } } } } },
                },
            },
        };

        OtlpConverter.AddTo(_store, ExportLogsServiceRequest.Parser.ParseFrom(request.ToByteArray()));

        var log = Assert.Single(_store.GetLogs());
        Assert.Equal(OtlpConverter.UnknownResource, log.Resource);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000), log.Timestamp);
        Assert.Equal(LogLevelName.Information, log.Level);
    }

    private static KeyValue Kv(string key, string value) => new() { Key = key, Value = new AnyValue { StringValue = value } };
}
