using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CafeMenu.Hosting.DynamoDBLocal;

/// <summary>A problem the user fixes (a missing program, a locked folder): the resource fails to start with the reason, once, without a stack trace.</summary>
internal static class StartFailure
{
    /// <summary>Logs <paramref name="reason"/> on the AppHost's console and in the resource's console log; returns the exception that fails the start.</summary>
    public static DistributedApplicationException Of(IResource resource, IServiceProvider services, string reason)
    {
        services.GetRequiredService<ILoggerFactory>().CreateLogger(resource.GetType()).LogError("{Resource}: {Reason}", resource.Name, reason);
        services.GetRequiredService<ResourceLoggerService>().GetLogger(resource).LogError("{Reason}", reason);
        return new DistributedApplicationException(reason);
    }
}
