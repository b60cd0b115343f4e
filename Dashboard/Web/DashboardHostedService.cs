using CafeMenu.Dashboard.Telemetry;
using CafeMenu.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CafeMenu.Dashboard.Web;

/// <summary>Runs the dashboard's own web application inside the AppHost process and feeds it the console output.</summary>
internal sealed class DashboardHostedService(IServiceProvider services, TelemetryStore store, ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("CafeMenu.Dashboard");
    private IResourceService? _resources;
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = services.GetService<DashboardOptions>() ?? services.GetRequiredService<IOptions<DashboardOptions>>().Value;
        if (!options.Enabled)
        {
            return;
        }

        _resources = services.GetRequiredService<IResourceService>();
        _resources.ConsoleLineReceived += store.AddConsoleLine;
        _app = DashboardWebApplication.Create(options, _resources, store, loggerFactory);
        await _app.StartAsync(cancellationToken);
        _logger.LogInformation("Dashboard listening on http://127.0.0.1:{Port}, OTLP gRPC on {GrpcPort}, OTLP HTTP on {HttpPort}", options.Port, options.OtlpGrpcPort, options.OtlpHttpPort);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_resources is not null)
        {
            _resources.ConsoleLineReceived -= store.AddConsoleLine;
        }

        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }
}
