using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.ServiceDiscovery;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CafeMenu.ServiceDefaults.Tests;

/// <summary>
/// AddBasicServiceDefaults (the Loader's) is telemetry and health checks only; AddServiceDefaults (Api, Web) adds
/// service discovery and the HttpClient defaults on top.
/// </summary>
public sealed class BasicServiceDefaultsTests
{
    [Fact]
    public async Task The_basic_defaults_have_telemetry_and_health_checks_but_no_http_client_factory_or_service_discovery()
    {
        await using var services = Build(builder => builder.AddBasicServiceDefaults());

        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<MeterProvider>());
        Assert.NotNull(services.GetService<HealthCheckService>());
        Assert.Null(services.GetService<IHttpClientFactory>());
        Assert.Null(services.GetService<ServiceEndpointResolver>());
    }

    [Fact]
    public async Task The_full_defaults_add_the_http_client_factory_and_service_discovery_to_the_basic_ones()
    {
        await using var services = Build(builder => builder.AddServiceDefaults());

        Assert.NotNull(services.GetService<TracerProvider>());
        Assert.NotNull(services.GetService<HealthCheckService>());
        Assert.NotNull(services.GetService<IHttpClientFactory>());
        Assert.NotNull(services.GetService<ServiceEndpointResolver>());
    }

    private static ServiceProvider Build(Action<HostApplicationBuilder> addDefaults)
    {
        // No environment variables: nothing exports, whatever the machine has set.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        addDefaults(builder);
        return builder.Services.BuildServiceProvider();
    }
}
