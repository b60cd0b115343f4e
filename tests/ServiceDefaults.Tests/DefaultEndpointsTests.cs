using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CafeMenu.ServiceDefaults.Tests;

public sealed class DefaultEndpointsTests
{
    /// <summary>
    /// A caller in another process: sends exactly the traceparent a test gives it. (HttpClient in this process would
    /// add its own, because the app's tracer provider listens to every HttpClient here.)
    /// </summary>
    private static HttpClient ExternalCaller() => new(new SocketsHttpHandler { ActivityHeadersPropagator = null });

    private static HttpRequestMessage Get(Uri address, string path, string? traceparent = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(address, path));
        if (traceparent is not null) request.Headers.Add("traceparent", traceparent);
        return request;
    }

    [Fact]
    public async Task Health_and_alive_answer_healthy()
    {
        await using var web = await TestWebApp.StartAsync();
        using var http = ExternalCaller();

        using var health = await http.SendAsync(Get(web.Address, "/health"));
        using var alive = await http.SendAsync(Get(web.Address, "/alive"));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Equal("Healthy", await alive.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_failing_readiness_check_fails_health_but_not_alive()
    {
        await using var web = await TestWebApp.StartAsync(builder =>
            builder.Services.AddHealthChecks().AddCheck("dynamodb", () => HealthCheckResult.Unhealthy("not reachable")));
        using var http = ExternalCaller();

        using var health = await http.SendAsync(Get(web.Address, "/health"));
        using var alive = await http.SendAsync(Get(web.Address, "/alive"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
    }

    [Fact]
    public async Task An_incoming_traceparent_is_continued_by_the_server_span()
    {
        await using var web = await TestWebApp.StartAsync();
        using var http = ExternalCaller();
        var traceId = ActivityTraceId.CreateRandom();
        var callerSpanId = ActivitySpanId.CreateRandom();

        using var response = await http.SendAsync(Get(web.Address, "/trace", $"00-{traceId.ToHexString()}-{callerSpanId.ToHexString()}-01"));

        Assert.Equal(traceId.ToHexString(), await response.Content.ReadAsStringAsync());
        var server = Assert.Single(await WaitForSpansAsync(web, traceId, 1));
        Assert.Equal(ActivityKind.Server, server.Kind);
        Assert.Equal(callerSpanId, server.ParentSpanId);
        Assert.Equal("GET /trace", server.DisplayName);
    }

    [Fact]
    public async Task Health_probes_are_not_traced()
    {
        await using var web = await TestWebApp.StartAsync();
        using var http = ExternalCaller();
        var probeTrace = ActivityTraceId.CreateRandom();
        var requestTrace = ActivityTraceId.CreateRandom();

        using (await http.SendAsync(Get(web.Address, "/health", $"00-{probeTrace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01")))
        using (await http.SendAsync(Get(web.Address, "/alive", $"00-{probeTrace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01")))
        using (await http.SendAsync(Get(web.Address, "/trace", $"00-{requestTrace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01")))
        {
        }

        // The request after the probes is exported, so the probes had their chance to be exported too.
        Assert.Single(await WaitForSpansAsync(web, requestTrace, 1));
        Assert.Empty(web.SpansOf(probeTrace));
    }

    [Fact]
    public async Task A_call_through_the_default_http_client_carries_the_trace_to_the_next_service()
    {
        await using var web = await TestWebApp.StartAsync(map: app =>
            app.MapGet("/relay", async (IHttpClientFactory factory, HttpContext context) =>
            {
                // What Web does towards Api: a factory client with the defaults (discovery, resilience, instrumentation).
                var client = factory.CreateClient("next");
                return await client.GetStringAsync(new Uri($"http://{context.Request.Host}/trace"), context.RequestAborted);
            }));
        using var http = ExternalCaller();
        var traceId = ActivityTraceId.CreateRandom();

        using var response = await http.SendAsync(Get(web.Address, "/relay", $"00-{traceId.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01"));

        Assert.Equal(traceId.ToHexString(), await response.Content.ReadAsStringAsync());
        var spans = await WaitForSpansAsync(web, traceId, 3);
        var relay = spans.Single("GET /relay");
        var outgoing = Assert.Single(spans, s => s.Kind == ActivityKind.Client);
        var inner = spans.Single("GET /trace");
        Assert.Equal(relay.SpanId, outgoing.ParentSpanId);
        Assert.Equal(outgoing.SpanId, inner.ParentSpanId);
    }

    /// <summary>A server span is exported just after the response is sent: wait for it, bounded.</summary>
    private static async Task<IReadOnlyList<Activity>> WaitForSpansAsync(TestWebApp web, ActivityTraceId traceId, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (web.SpansOf(traceId).Count < count && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }

        return web.SpansOf(traceId);
    }
}
