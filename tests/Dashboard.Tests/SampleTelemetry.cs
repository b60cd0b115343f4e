using System.Diagnostics;
using CafeMenu.Dashboard.Otlp.Proto.Collector.Metrics;
using CafeMenu.Dashboard.Otlp.Proto.Common;
using CafeMenu.Dashboard.Otlp.Proto.Metrics;

using Google.Protobuf;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CafeMenu.Dashboard.Tests;

/// <summary>
/// Sends what web and api send when a page is viewed (server span, HTTP client span, api server span, DynamoDB client
/// spans, logs) through the real OTLP exporter, plus a minute of metric points over OTLP/HTTP protobuf.
/// </summary>
internal static class SampleTelemetry
{
    public static async Task<string> SendPageViewsAsync(DashboardTestHost host, int views)
    {
        var (webTracing, webSource) = Tracing(host, "web", "Sample.Web");
        var (apiTracing, apiSource) = Tracing(host, "api", "Sample.Api");
        using var loggerFactory = LoggerFactory.Create(logging => logging.AddOpenTelemetry(o =>
        {
            o.SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService("api"));
            o.IncludeFormattedMessage = true; // as ServiceDefaults does
            o.AddOtlpExporter(e => Configure(host, e));
        }));
        var logger = loggerFactory.CreateLogger("CafeMenu.Api.MenuApi");
        var firstTraceId = "";
        var start = DateTimeOffset.UtcNow.AddSeconds(-views * 5);
        for (var view = 0; view < views; view++)
        {
            var t0 = start.AddSeconds(view * 5);
            var dynamoMs = 3 + view * 2.5;
            using var page = webSource.StartActivity("GET /", ActivityKind.Server, default(ActivityContext), startTime: t0)!;
            page.SetTag("http.request.method", "GET");
            page.SetTag("url.path", "/");
            page.SetTag("http.response.status_code", 200);
            if (view == 0) firstTraceId = page.TraceId.ToHexString();
            using (var call = webSource.StartActivity("GET", ActivityKind.Client, default(ActivityContext), startTime: t0.AddMilliseconds(4))!)
            {
                call.SetTag("server.address", "api");
                call.SetTag("url.full", "http://api/menu/specials");
                using (var api = apiSource.StartActivity("GET /menu/specials", ActivityKind.Server, default(ActivityContext), startTime: t0.AddMilliseconds(6))!)
                {
                    api.SetTag("http.route", "/menu/specials");
                    logger.LogInformation("Listing specials from {Table}", "FoodProducts");
                    using (var query = apiSource.StartActivity("DynamoDB.Query", ActivityKind.Client, default(ActivityContext), startTime: t0.AddMilliseconds(8))!)
                    {
                        query.SetTag("rpc.system", "aws-api");
                        query.SetTag("rpc.service", "DynamoDB");
                        query.SetTag("rpc.method", "Query");
                        query.SetTag("aws.dynamodb.table_names", new[] { "FoodProducts" });
                        query.SetTag("aws.dynamodb.index_name", "special_GSI");
                        query.SetTag("aws.dynamodb.consumed_capacity", new[] { """{"TableName":"FoodProducts","CapacityUnits":0.5}""" });
                        query.SetEndTime((t0.AddMilliseconds(8 + dynamoMs)).UtcDateTime);
                    }

                    using (var get = apiSource.StartActivity("DynamoDB.GetItem", ActivityKind.Client, default(ActivityContext), startTime: t0.AddMilliseconds(10 + dynamoMs))!)
                    {
                        get.SetTag("rpc.method", "GetItem");
                        get.SetTag("aws.dynamodb.table_names", new[] { "FoodProducts" });
                        get.SetTag("aws.dynamodb.consumed_capacity", new[] { """{"TableName":"FoodProducts","CapacityUnits":1}""" });
                        if (view == views - 1)
                        {
                            get.SetStatus(ActivityStatusCode.Error, "ProvisionedThroughputExceededException");
                            get.AddException(new InvalidOperationException("Throttled by DynamoDB Local"));
                        }

                        get.SetEndTime(t0.AddMilliseconds(12 + dynamoMs * 1.5).UtcDateTime);
                    }

                    api.SetEndTime(t0.AddMilliseconds(16 + dynamoMs * 2.5).UtcDateTime);
                }

                call.SetEndTime(t0.AddMilliseconds(18 + dynamoMs * 2.5).UtcDateTime);
            }

            page.SetEndTime(t0.AddMilliseconds(25 + dynamoMs * 2.5).UtcDateTime);
        }

        Assert.True(webTracing.ForceFlush(10_000));
        Assert.True(apiTracing.ForceFlush(10_000));
        webTracing.Dispose();
        apiTracing.Dispose();
        webSource.Dispose();
        apiSource.Dispose();
        await Task.CompletedTask;
        return firstTraceId;
    }

    /// <summary>A minute of cumulative counter and histogram points for api, one per 2 seconds.</summary>
    public static async Task SendMetricsAsync(DashboardTestHost host)
    {
        var request = new ExportMetricsServiceRequest();
        var scope = new ScopeMetrics { Scope = new InstrumentationScope { Name = "Microsoft.AspNetCore.Hosting" } };
        var counter = new Metric { Name = "menu.requests", Unit = "{request}", Description = "Requests served", Sum = new Sum { IsMonotonic = true, AggregationTemporality = AggregationTemporality.Cumulative } };
        var histogram = new Metric { Name = "http.server.request.duration", Unit = "s", Description = "Duration of HTTP server requests", Histogram = new Histogram { AggregationTemporality = AggregationTemporality.Cumulative } };
        double[] bounds = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5];
        var buckets = new ulong[bounds.Length + 1];
        var start = DateTimeOffset.UtcNow.AddSeconds(-60);
        long total = 0;
        for (var i = 0; i <= 30; i++)
        {
            var time = (ulong)start.AddSeconds(i * 2).ToUnixTimeMilliseconds() * 1_000_000;
            foreach (var route in new[] { "/menu", "/menu/specials" })
            {
                total += 3 + (i % 7) * (route == "/menu" ? 2 : 1);
                counter.Sum.DataPoints.Add(new NumberDataPoint
                {
                    StartTimeUnixNano = (ulong)start.ToUnixTimeMilliseconds() * 1_000_000, TimeUnixNano = time, AsInt = total,
                    Attributes = { new KeyValue { Key = "http.route", Value = new AnyValue { StringValue = route } } },
                });
            }

            for (var b = 0; b < buckets.Length; b++) buckets[b] += (ulong)(b switch { 1 => 6, 2 => 4 + i % 3, 3 => 2, 4 => i % 4, 6 => i % 2, _ => 0 });
            var point = new HistogramDataPoint
            {
                StartTimeUnixNano = (ulong)start.ToUnixTimeMilliseconds() * 1_000_000, TimeUnixNano = time,
                Count = buckets.Aggregate(0UL, (a, c) => a + c), Sum = 1.0 * i,
                Attributes = { new KeyValue { Key = "http.route", Value = new AnyValue { StringValue = "/menu/specials" } } },
            };
            point.BucketCounts.Add(buckets);
            point.ExplicitBounds.Add(bounds);
            histogram.Histogram.DataPoints.Add(point);
        }

        scope.Metrics.Add(counter);
        scope.Metrics.Add(histogram);
        request.ResourceMetrics.Add(new ResourceMetrics
        {
            Resource = new CafeMenu.Dashboard.Otlp.Proto.Resource.Resource { Attributes = { new KeyValue { Key = "service.name", Value = new AnyValue { StringValue = "api" } } } },
            ScopeMetrics = { scope },
        });

        using var http = new HttpClient();
        using var content = new ByteArrayContent(request.ToByteArray());
        content.Headers.ContentType = new("application/x-protobuf");
        using var message = new HttpRequestMessage(HttpMethod.Post, $"{host.OtlpHttpUrl}/v1/metrics") { Content = content };
        message.Headers.Add("x-otlp-api-key", host.Options.OtlpApiKey);
        using var response = await http.SendAsync(message);
        response.EnsureSuccessStatusCode();
    }

    // A tracer provider listens to every source of its name in the process: a name of its own per call keeps test
    // classes that run side by side from sending their spans to each other's dashboard.
    private static (TracerProvider, ActivitySource) Tracing(DashboardTestHost host, string service, string sourceName)
    {
        var source = $"{sourceName}.{Guid.NewGuid():N}";
        return (Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(ResourceBuilder.CreateEmpty().AddService(service))
            .AddSource(source)
            .AddOtlpExporter(o => Configure(host, o))
            .Build(), new ActivitySource(source));
    }

    private static void Configure(DashboardTestHost host, OtlpExporterOptions options)
    {
        options.Protocol = OtlpExportProtocol.Grpc;
        options.Endpoint = new Uri(host.OtlpGrpcUrl);
        options.Headers = $"x-otlp-api-key={host.Options.OtlpApiKey}";
        options.ExportProcessorType = ExportProcessorType.Simple;
    }
}
