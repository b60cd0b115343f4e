using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CafeMenu.Hosting;

/// <summary>
/// Sends the AppHost's own spans (one per resource start) to its dashboard over OTLP, as Aspire's AppHost does,
/// so a slow start shows in the Traces page beside the resources' own telemetry.
/// </summary>
internal static class AppHostTelemetryExport
{
    public const string ServiceName = "apphost";

    public static void AddAppHostTelemetry(this IServiceCollection services, DashboardOptions dashboard)
    {
        if (!dashboard.Enabled)
        {
            return;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(HostingTelemetry.SourceName)
                .AddOtlpExporter(otlp =>
                {
                    otlp.Endpoint = new Uri($"http://127.0.0.1:{dashboard.OtlpGrpcPort.ToString(CultureInfo.InvariantCulture)}");
                    otlp.Protocol = OtlpExportProtocol.Grpc;
                    otlp.Headers = $"x-otlp-api-key={dashboard.OtlpApiKey}";
                    otlp.BatchExportProcessorOptions = new BatchExportProcessorOptions<System.Diagnostics.Activity> { ScheduledDelayMilliseconds = 1000 };
                }));
    }
}
