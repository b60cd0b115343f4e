using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CafeMenu.Hosting;

/// <summary>The AppHost's builder, as in Aspire: resources are added to it; services (the dashboard) are registered on it.</summary>
public interface IDistributedApplicationBuilder
{
    IServiceCollection Services { get; }

    IConfigurationManager Configuration { get; }

    IHostEnvironment Environment { get; }
}
