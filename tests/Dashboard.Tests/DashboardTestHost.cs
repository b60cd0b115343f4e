using CafeMenu.Dashboard.Telemetry;
using CafeMenu.Hosting;
using CafeMenu.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CafeMenu.Dashboard.Tests;

/// <summary>
/// Hosts the dashboard as the AppHost does (a generic host with IResourceService and DashboardOptions registered,
/// then AddDashboard), on free loopback ports.
/// </summary>
internal sealed class DashboardTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private DashboardTestHost(IHost host, DashboardOptions options, FakeResourceService resources, CapturingLoggerProvider logs)
    {
        Logs = logs;
        _host = host;
        Options = options;
        Resources = resources;
    }

    public DashboardOptions Options { get; }

    public FakeResourceService Resources { get; }

    /// <summary>Everything the host logged, at every level.</summary>
    public CapturingLoggerProvider Logs { get; }

    public TelemetryStore Store => _host.Services.GetRequiredService<TelemetryStore>();

    public string UiUrl => $"http://127.0.0.1:{Options.Port}";

    public string OtlpGrpcUrl => $"http://127.0.0.1:{Options.OtlpGrpcPort}";

    public string OtlpHttpUrl => $"http://127.0.0.1:{Options.OtlpHttpPort}";

    public string LoginUrl => $"{UiUrl}/login?t={Options.BrowserToken}";

    public static async Task<DashboardTestHost> StartAsync(FakeResourceService resources, IDictionary<string, string?>? settings = null, bool enabled = true)
    {
        var options = new DashboardOptions
        {
            Enabled = enabled,
            Port = FreePort.Next(),
            OtlpGrpcPort = FreePort.Next(),
            OtlpHttpPort = FreePort.Next(),
            BrowserToken = Convert.ToHexString(Guid.NewGuid().ToByteArray()),
            OtlpApiKey = Convert.ToHexString(Guid.NewGuid().ToByteArray()),
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        var logs = new CapturingLoggerProvider();
        builder.Logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs);
        builder.Services.AddSingleton<IResourceService>(resources);
        builder.Services.AddSingleton(options);
        new TestApplicationBuilder(builder).AddDashboard();
        var host = builder.Build();
        await host.StartAsync();
        return new DashboardTestHost(host, options, resources, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    private sealed class TestApplicationBuilder(HostApplicationBuilder inner) : IDistributedApplicationBuilder
    {
        public IServiceCollection Services => inner.Services;

        public IConfigurationManager Configuration => inner.Configuration;

        public IHostEnvironment Environment => inner.Environment;
    }
}
