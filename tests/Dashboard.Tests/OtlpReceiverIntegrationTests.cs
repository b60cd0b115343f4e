using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using CafeMenu.Dashboard.Otlp.Proto.Collector.Trace;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CafeMenu.Dashboard.Tests;

/// <summary>The real OpenTelemetry .NET OTLP exporter sends to the hosted dashboard, over gRPC and over HTTP/protobuf.</summary>
public sealed class OtlpReceiverIntegrationTests : IAsyncLifetime
{
    private DashboardTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DashboardTestHost.StartAsync(new FakeResourceService(FakeResourceService.Project("api", 5001)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(OtlpExportProtocol.Grpc)]
    [InlineData(OtlpExportProtocol.HttpProtobuf)]
    public async Task Traces_logs_and_metrics_from_the_exporter_reach_the_store(OtlpExportProtocol protocol)
    {
        var service = $"svc-{protocol}".ToLowerInvariant();
        var source = $"Test.{protocol}";
        var resource = ResourceBuilder.CreateEmpty().AddService(service);

        string traceId;
        using (var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(source)
                   .AddOtlpExporter(o => Configure(o, protocol, "/v1/traces")).Build())
        using (var activitySource = new ActivitySource(source))
        {
            using (var parent = activitySource.StartActivity("GET /menu", ActivityKind.Server)!)
            {
                traceId = parent.TraceId.ToHexString();
                using var child = activitySource.StartActivity("DynamoDB.Query", ActivityKind.Client)!;
                child.SetTag("rpc.method", "Query");
                child.SetTag("aws.dynamodb.table_names", new[] { "FoodProducts" });
            }

            Assert.True(tracing.ForceFlush(10_000));
        }

        using (var loggerFactory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
               {
                   o.SetResourceBuilder(resource);
                   o.AddOtlpExporter(e => Configure(e, protocol, "/v1/logs"));
               })))
        {
            loggerFactory.CreateLogger("Test.Category").LogWarning("Menu item {ProductName} is out of stock", "Latte");
        }

        using (var meter = new Meter(source))
        using (var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(source)
                   .AddOtlpExporter(o => Configure(o, protocol, "/v1/metrics")).Build())
        {
            var counter = meter.CreateCounter<long>("orders");
            counter.Add(3, new KeyValuePair<string, object?>("product", "Latte"));
            meter.CreateHistogram<double>("latency", "ms").Record(12.5);
            Assert.True(metrics.ForceFlush(10_000));
        }

        var trace = _host.Store.GetTrace(traceId);
        Assert.NotNull(trace);
        Assert.Equal(2, trace.Spans.Count);
        Assert.All(trace.Spans, s => Assert.Equal(service, s.Resource));
        var client = Assert.Single(trace.Spans, s => s.Name == "DynamoDB.Query");
        Assert.Equal("Query", client.GetAttribute("rpc.method"));
        Assert.Equal("[FoodProducts]", client.GetAttribute("aws.dynamodb.table_names"));
        Assert.Equal(trace.Root.SpanId, client.ParentSpanId);

        var log = Assert.Single(_host.Store.GetLogs(), l => l.Resource == service);
        Assert.Equal("Test.Category", log.Category);
        Assert.Equal(Telemetry.LogLevelName.Warning, log.Level);
        Assert.Contains(log.Attributes, a => a.Key == "ProductName" && a.Value == "Latte");
        Assert.Equal("Menu item Latte is out of stock", log.Message);

        var instruments = _host.Store.GetInstruments(service);
        Assert.Contains(instruments, i => i.Key.Name == "orders" && i.Kind == Telemetry.InstrumentKind.Counter);
        var histogram = Assert.Single(instruments, i => i.Key.Name == "latency");
        Assert.Equal(Telemetry.InstrumentKind.Histogram, histogram.Kind);
        // Cumulative temporality: the flush and the provider's disposal may each export the same totals.
        var point = Assert.Single(_host.Store.GetSeries(histogram.Key)).Points[^1];
        Assert.Equal(1UL, point.Count);
        Assert.Equal(12.5, point.Value);
        var orders = Assert.Single(_host.Store.GetSeries(new Telemetry.InstrumentKey(service, source, "orders")));
        Assert.Contains(orders.Attributes, a => a.Key == "product" && a.Value == "Latte");
        Assert.Equal(3, orders.Points[^1].Value);
    }

    [Fact]
    public async Task Http_json_export_is_accepted_with_hex_ids()
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{_host.OtlpHttpUrl}/v1/traces")
        {
            Content = new StringContent(OtlpJsonSamples.Traces, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("x-otlp-api-key", _host.Options.OtlpApiKey);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(_host.Store.GetTrace(OtlpJsonSamples.TraceId));
    }

    [Fact]
    public async Task Http_export_without_the_api_key_is_401_and_stores_nothing()
    {
        using var http = new HttpClient();
        foreach (var key in new[] { null, "wrong" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{_host.OtlpHttpUrl}/v1/traces")
            {
                Content = new StringContent(OtlpJsonSamples.Traces, Encoding.UTF8, "application/json"),
            };
            if (key is not null) request.Headers.Add("x-otlp-api-key", key);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        Assert.Null(_host.Store.GetTrace(OtlpJsonSamples.TraceId));
    }

    [Fact]
    public async Task Http_export_with_a_bad_body_or_type_is_a_client_error()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Add("x-otlp-api-key", _host.Options.OtlpApiKey);
        using var badJson = await http.PostAsync($"{_host.OtlpHttpUrl}/v1/logs", new StringContent("{\"resourceLogs\": 5", Encoding.UTF8, "application/json"));
        using var badProto = await http.PostAsync($"{_host.OtlpHttpUrl}/v1/logs", new ByteArrayContent([0xFF, 0xFF, 0xFF]) { Headers = { { "Content-Type", "application/x-protobuf" } } });
        using var badType = await http.PostAsync($"{_host.OtlpHttpUrl}/v1/logs", new StringContent("x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badProto.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, badType.StatusCode);
    }

    [Fact]
    public async Task Grpc_export_without_the_api_key_is_unauthenticated()
    {
        using var channel = GrpcChannel.ForAddress(_host.OtlpGrpcUrl);
        var export = new Method<ExportTraceServiceRequest, ExportTraceServiceResponse>(
            MethodType.Unary, "opentelemetry.proto.collector.trace.v1.TraceService", "Export",
            Marshallers.Create(r => r.ToByteArray(), ExportTraceServiceRequest.Parser.ParseFrom),
            Marshallers.Create(r => r.ToByteArray(), ExportTraceServiceResponse.Parser.ParseFrom));

        var withoutKey = await Assert.ThrowsAsync<RpcException>(() =>
            channel.CreateCallInvoker().AsyncUnaryCall(export, null, new CallOptions(), new ExportTraceServiceRequest()).ResponseAsync);
        Assert.Equal(Grpc.Core.StatusCode.Unauthenticated, withoutKey.StatusCode);

        var withKey = await channel.CreateCallInvoker().AsyncUnaryCall(
            export, null, new CallOptions(new Metadata { { "x-otlp-api-key", _host.Options.OtlpApiKey } }), new ExportTraceServiceRequest()).ResponseAsync;
        Assert.NotNull(withKey);
    }

    [Fact]
    public async Task Each_port_serves_only_its_role()
    {
        using var http = new HttpClient();
        using var otlpOnUi = await http.PostAsync($"{_host.UiUrl}/v1/traces", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var uiOnOtlp = await http.GetAsync($"{_host.OtlpHttpUrl}/");

        Assert.Equal(HttpStatusCode.NotFound, otlpOnUi.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, uiOnOtlp.StatusCode);
    }

    private void Configure(OtlpExporterOptions options, OtlpExportProtocol protocol, string path)
    {
        options.Protocol = protocol;
        options.Endpoint = protocol == OtlpExportProtocol.Grpc ? new Uri(_host.OtlpGrpcUrl) : new Uri(_host.OtlpHttpUrl + path);
        options.Headers = $"x-otlp-api-key={_host.Options.OtlpApiKey}";
        options.ExportProcessorType = ExportProcessorType.Simple;
    }
}
