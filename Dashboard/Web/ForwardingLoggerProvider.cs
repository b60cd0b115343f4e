using Microsoft.Extensions.Logging;

namespace CafeMenu.Dashboard.Web;

/// <summary>Sends the dashboard web application's logs to the AppHost's logging, after the dashboard's own filters.</summary>
internal sealed class ForwardingLoggerProvider(ILoggerFactory target) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => target.CreateLogger(categoryName);

    public void Dispose()
    {
        // The AppHost owns the target factory.
    }
}
