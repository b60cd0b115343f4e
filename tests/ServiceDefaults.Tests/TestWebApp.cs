using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;

namespace CafeMenu.ServiceDefaults.Tests;

/// <summary>A real Kestrel app on 127.0.0.1 and a free port, set up as Api and Web set theirs up.</summary>
internal sealed class TestWebApp : IAsyncDisposable
{
    private readonly List<Activity> _spans;

    private TestWebApp(WebApplication app, List<Activity> spans, Uri address)
    {
        App = app;
        _spans = spans;
        Address = address;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public static async Task<TestWebApp> StartAsync(Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? map = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        // Whatever the machine's environment says, this app exports nowhere but to the list below.
        builder.Configuration.AddInMemoryCollection([KeyValuePair.Create("OTEL_EXPORTER_OTLP_ENDPOINT", (string?)"")]);
        builder.AddServiceDefaults();
        var spans = new List<Activity>();
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapDefaultEndpoints();
        app.MapGet("/trace", () => Activity.Current?.TraceId.ToHexString() ?? "none");
        map?.Invoke(app);
        await app.StartAsync();
        var address = app.Urls.Single();
        return new TestWebApp(app, spans, new Uri(address));
    }

    public IReadOnlyList<Activity> SpansOf(ActivityTraceId traceId)
    {
        lock (_spans) return _spans.Where(s => s.TraceId == traceId).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
