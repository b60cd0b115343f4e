using CafeMenu.ServiceDefaults;
using CafeMenu.ServiceDefaults.AwsSdk;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The service defaults of a .NET Aspire solution: OpenTelemetry, health checks, service discovery and resilience.
/// Lives in Microsoft.Extensions.Hosting, as in Aspire's template, so every project gets it with one call.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";

    /// <summary>The basic defaults, plus service discovery and the standard resilience handler on every HttpClient (Api, Web).</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddBasicServiceDefaults();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    /// <summary>
    /// OpenTelemetry and health checks, without the defaults for outgoing HTTP calls: for a process that makes none of
    /// its own (the Loader; the AWS SDK builds its own HttpClient, not one from IHttpClientFactory). As in eShop.
    /// </summary>
    public static TBuilder AddBasicServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Structured logs: the message template's values stay attributes, the rendered message is kept beside them,
        // and each record carries the trace and span ids of Activity.Current.
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        // Before any AWS client is built, so that its calls become DynamoDB.<Operation> spans.
        AwsSdkTelemetry.Register();

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("CafeMenu.*")
                .AddMeter(AwsSdkTelemetry.SourceNamePattern)
                .AddView(SecondsHistogramBuckets))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource("CafeMenu.*")
                .AddSource(AwsSdkTelemetry.SourceNamePattern)
                .AddAspNetCoreInstrumentation(options =>
                    // Health probes every second would drown the traces that matter.
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddHttpClientInstrumentation(options =>
                    // The AWS SDK's own HTTP attempts are already HttpRequest spans under DynamoDB.<Operation>.
                    options.FilterHttpRequestMessage = request => !AwsSdkTelemetry.IsSdkHttpRequest(request)));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            // Reads OTEL_EXPORTER_OTLP_PROTOCOL/HEADERS, OTEL_METRIC_EXPORT_INTERVAL, OTEL_BSP_SCHEDULE_DELAY and
            // OTEL_BLRP_SCHEDULE_DELAY from configuration, which includes the environment the AppHost sets.
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// The AWS SDK records its durations in seconds (client.call.duration, ...); the default histogram buckets are
    /// meant for milliseconds and would put every DynamoDB call in the first bucket.
    /// </summary>
    private static MetricStreamConfiguration? SecondsHistogramBuckets(Instrument instrument) =>
        instrument.Meter.Name.StartsWith("AWSSDK.", StringComparison.Ordinal) && instrument.Unit == "s"
            ? new ExplicitBucketHistogramConfiguration
            {
                Boundaries = [0.001, 0.0025, 0.005, 0.0075, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
            }
            : null;

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Aspire maps these in development only; here the orchestrator needs them for readiness in every environment.
        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") });
        return app;
    }
}
