using System.Diagnostics;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CafeMenu.ServiceDefaults.Tests;

/// <summary>
/// A generic host set up the way the Api sets its up (AddServiceDefaults + AddDynamoDb; the Loader's AddBasicServiceDefaults
/// configures telemetry the same way), with in-memory exporters beside whatever the defaults export.
/// </summary>
internal sealed class TelemetryTestHost : IAsyncDisposable
{
    /// <summary>Matches the defaults' "CafeMenu.*" sources: a test's outer span, standing in for an Api request.</summary>
    public static readonly ActivitySource TestSource = new("CafeMenu.ServiceDefaults.Tests");

    private readonly List<Activity> _spans;
    private readonly List<MetricSnapshot> _metrics;

    private TelemetryTestHost(IHost host, List<Activity> spans, List<MetricSnapshot> metrics, List<LogRecord> logs)
    {
        Host = host;
        _spans = spans;
        _metrics = metrics;
        Logs = logs;
    }

    public IHost Host { get; }

    public List<LogRecord> Logs { get; }

    public IAmazonDynamoDB DynamoDb => Host.Services.GetRequiredService<IAmazonDynamoDB>();

    public static async Task<TelemetryTestHost> StartAsync(IReadOnlyDictionary<string, string>? configuration = null)
    {
        // No environment variables: the test decides every setting, whatever the machine has.
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(configuration?.Select(kv => KeyValuePair.Create(kv.Key, (string?)kv.Value)) ?? []);
        builder.AddServiceDefaults();
        builder.AddDynamoDb();

        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        var logs = new List<LogRecord>();
        builder.Services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
            .WithMetrics(m => m.AddInMemoryExporter(metrics))
            .WithLogging(logging => logging.AddInMemoryExporter(logs));

        var host = builder.Build();
        await host.StartAsync();
        return new TelemetryTestHost(host, spans, metrics, logs);
    }

    /// <summary>The exported spans of one trace, in the order they ended.</summary>
    public IReadOnlyList<Activity> SpansOf(ActivityTraceId traceId)
    {
        lock (_spans) return _spans.Where(s => s.TraceId == traceId).ToList();
    }

    /// <summary>Collects now and returns the points of the named metric (cumulative, from this collection only).</summary>
    public IReadOnlyList<MetricPoint> Collect(string meterName, string metricName)
    {
        lock (_metrics) _metrics.Clear();
        Host.Services.GetRequiredService<MeterProvider>().ForceFlush();
        lock (_metrics)
        {
            return _metrics.Where(m => m.MeterName == meterName && m.Name == metricName).SelectMany(m => m.MetricPoints).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
    }
}
