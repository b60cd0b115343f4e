using CafeMenu.Dashboard.Telemetry;
using CafeMenu.Dashboard.Web;
using Microsoft.Extensions.DependencyInjection;

namespace CafeMenu.Hosting;

/// <summary>Adds the dashboard to the AppHost, as Aspire's AppHost does by default.</summary>
public static class DashboardExtensions
{
    /// <summary>
    /// Registers the dashboard: a hosted service that serves the UI and the OTLP receivers on 127.0.0.1 at the ports of
    /// <see cref="DashboardOptions"/>. Call it before the orchestrator's hosted service is registered, so the
    /// dashboard listens before any resource starts. Limits are read from "Dashboard:Limits".
    /// </summary>
    public static IDistributedApplicationBuilder AddDashboard(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryLimits>().Bind(builder.Configuration.GetSection(TelemetryLimits.SectionName));
        builder.Services.AddSingleton<TelemetryStore>();
        builder.Services.AddHostedService<DashboardHostedService>();
        return builder;
    }
}
