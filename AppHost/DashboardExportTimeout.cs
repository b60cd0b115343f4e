using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

internal static class DashboardExportTimeout
{
    /// <summary>
    /// Gives every project an OTLP export timeout fit for the dashboard on this machine. The exporter's default (10 s) is
    /// meant for remote collectors; at Ctrl+C the dashboard stops before the services, whose last export then waited
    /// the whole timeout for it: 13.3 s from Ctrl+C to the last process with the default, 4.5 s with 1 s (bench/apphost).
    /// </summary>
    public static IDistributedApplicationBuilder WithDashboardExportTimeout(this IDistributedApplicationBuilder builder, TimeSpan timeout)
    {
        var milliseconds = ((int)timeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Eventing.Subscribe<BeforeStartEvent>((e, _) =>
        {
            foreach (var project in e.Model.GetProjectResources())
            {
                project.Annotations.Add(new EnvironmentCallbackAnnotation("OTEL_EXPORTER_OTLP_TIMEOUT", () => milliseconds));
            }

            return Task.CompletedTask;
        });
        return builder;
    }
}
