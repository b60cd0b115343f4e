using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace CafeMenu.Loader;

/// <summary>The generic host one Loader command runs in: configuration, telemetry, health checks and the DynamoDB client.</summary>
internal static class LoaderHost
{
    public static HostApplicationBuilder CreateBuilder(IDictionary<string, string?>? settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = [], // the command line belongs to System.CommandLine, not to configuration
            ApplicationName = "CafeMenu.Loader",
            ContentRootPath = Directory.GetCurrentDirectory(),
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        // Not AddServiceDefaults: service discovery and HttpClient resilience serve HttpClients the Loader never creates.
        builder.AddBasicServiceDefaults();
        // The Loader owns its retries: with the SDK's own off, every throttle and unprocessed batch reaches the Loader's
        // back-off and adaptive concurrency instead of hiding behind the SDK's multi-second waits.
        builder.Configuration.AddInMemoryCollection([new("DynamoDb:MaxErrorRetry", "0")]);
        builder.AddDynamoDb();
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        // The console shows progress and the summary; logs still go to OpenTelemetry, only warnings reach the console.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(level => level >= LogLevel.Warning);
        builder.Logging.AddFilter<ConsoleLoggerProvider>(LoaderTelemetry.Name, LogLevel.None); // the Loader prints its own errors
        return builder;
    }
}
