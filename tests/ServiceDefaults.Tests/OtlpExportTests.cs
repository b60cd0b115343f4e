using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CafeMenu.ServiceDefaults.Tests;

/// <summary>The OTLP exporter as the AppHost configures it, against a receiver that records what arrives.</summary>
public sealed class OtlpExportTests(ITestOutputHelper output)
{
    private sealed record Export(string Path, TimeSpan At, string? ApiKey, long Bytes);

    [Fact]
    public async Task Metrics_go_out_every_second_and_traces_and_logs_follow_with_the_api_key()
    {
        var exports = new ConcurrentQueue<Export>();
        var clock = Stopwatch.StartNew();
        await using var receiver = await StartReceiverAsync(exports, clock);

        await using var host = await TelemetryTestHost.StartAsync(new Dictionary<string, string>
        {
            // What the AppHost gives every project, with OTLP over HTTP so that a plain Kestrel can receive it.
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Urls.Single(),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-otlp-api-key=test-key",
            ["OTEL_SERVICE_NAME"] = "otlp-test",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
        });
        var started = clock.Elapsed;
        using (TelemetryTestHost.TestSource.StartActivity("exported"))
        {
            host.Host.Services.GetRequiredService<ILogger<OtlpExportTests>>().LogInformation("Exported {What}", "a log");
        }

        // With the exporter's default (60 s) not even a second metrics export would arrive in this time.
        var deadline = TimeSpan.FromSeconds(8);
        while (clock.Elapsed - started < deadline && !(Count("/v1/metrics") >= 4 && Count("/v1/traces") >= 1 && Count("/v1/logs") >= 1))
        {
            await Task.Delay(50);
        }

        var metrics = exports.Where(e => e.Path == "/v1/metrics").Select(e => e.At).ToList();
        Assert.True(metrics.Count >= 4, $"{metrics.Count} metric exports in {deadline}");
        var gaps = metrics.Zip(metrics.Skip(1), (a, b) => b - a).ToList();
        output.WriteLine($"metric export gaps: {string.Join(", ", gaps.Select(g => $"{g.TotalMilliseconds:F0} ms"))}");
        Assert.All(gaps, gap => Assert.InRange(gap, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(2000)));
        Assert.True(Count("/v1/traces") >= 1, "no trace export");
        Assert.True(Count("/v1/logs") >= 1, "no log export");
        Assert.All(exports, e => Assert.Equal("test-key", e.ApiKey));
        Assert.All(exports, e => Assert.True(e.Bytes > 0, $"{e.Path} was empty"));

        int Count(string path) => exports.Count(e => e.Path == path);
    }

    private static async Task<WebApplication> StartReceiverAsync(ConcurrentQueue<Export> exports, Stopwatch clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/{signal}", async (HttpContext context, string signal) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            exports.Enqueue(new Export($"/v1/{signal}", clock.Elapsed, context.Request.Headers["x-otlp-api-key"], body.Length));
            // An empty protobuf message is a valid Export*ServiceResponse.
            context.Response.ContentType = "application/x-protobuf";
            return Results.Ok();
        });
        await app.StartAsync();
        return app;
    }
}
