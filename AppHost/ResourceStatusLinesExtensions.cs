using Aspire.Hosting.ApplicationModel;
using CafeMenu.AppHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

internal static class ResourceStatusLinesExtensions
{
    /// <summary>Prints a line per resource when it is ready (with its URLs), finishes or fails.</summary>
    public static IDistributedApplicationBuilder AddResourceStatusLines(this IDistributedApplicationBuilder builder)
    {
        // Watching from BeforeStartEvent, before any resource starts: a hosted service would start after the
        // orchestrator's and print the first states late, all at once.
        builder.Eventing.Subscribe<BeforeStartEvent>((e, cancellationToken) =>
        {
            var lines = new ResourceStatusLines(e.Services.GetRequiredService<ResourceNotificationService>(), Console.Out);
            _ = lines.RunAsync(e.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            return Task.CompletedTask;
        });
        return builder;
    }
}
