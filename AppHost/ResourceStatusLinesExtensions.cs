using CafeMenu.AppHost;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

internal static class ResourceStatusLinesExtensions
{
    /// <summary>Prints a line per resource when it is ready (with its URLs), finishes or fails.</summary>
    public static IDistributedApplicationBuilder AddResourceStatusLines(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddHostedService(services => new ResourceStatusLines(
            services.GetRequiredService<Aspire.Hosting.ApplicationModel.ResourceNotificationService>(), Console.Out));
        return builder;
    }
}
