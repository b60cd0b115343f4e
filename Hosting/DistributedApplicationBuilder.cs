using CafeMenu.Hosting.DynamoDbLocal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CafeMenu.Hosting;

/// <summary>
/// The AppHost's builder: a <see cref="HostApplicationBuilder"/> (configuration from appsettings, environment and
/// arguments) plus the application model. Registers <see cref="DashboardOptions"/> (ports and secrets already resolved)
/// and <see cref="IResourceService"/> at once, so a dashboard added next can use them.
/// </summary>
public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly HostApplicationBuilder _host;

    internal DistributedApplicationBuilder(string[] args, string? repositoryRoot)
    {
        _host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = NormalizeArguments(args),
            ApplicationName = "CafeMenu.AppHost",
        });
        Model = new AppModel(repositoryRoot ?? _host.Configuration["Hosting:RepositoryRoot"] ?? DynamoDbLocalInstallation.FindRepositoryRoot());
        Settings = ReadSettings(_host.Configuration);
        Dashboard = DashboardOptionsResolver.Resolve(_host.Configuration);

        // The children's output is the console's content; the host's own info lines would only add noise.
        _host.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        _host.Services.Configure<HostOptions>(options =>
            options.ShutdownTimeout = Settings.StopTimeout * 4 + TimeSpan.FromSeconds(10));
        _host.Services.AddSingleton(Dashboard);
        _host.Services.AddAppHostTelemetry(Dashboard);
        _host.Services.AddSingleton(Settings);
        _host.Services.AddSingleton(TimeProvider.System);
        _host.Services.AddSingleton(sp => new Orchestrator(
            Model,
            new RunContext(Model.RepositoryRoot, Dashboard, Settings, DotnetHost.Path),
            sp.GetRequiredService<TimeProvider>()));
        _host.Services.AddSingleton<IResourceService>(sp => sp.GetRequiredService<Orchestrator>());
    }

    public IServiceCollection Services => _host.Services;

    public IConfigurationManager Configuration => _host.Configuration;

    public IHostEnvironment Environment => _host.Environment;

    internal AppModel Model { get; }

    internal HostingSettings Settings { get; }

    internal DashboardOptions Dashboard { get; }

    /// <summary>Checks the model (dependency cycles, unknown resources) and builds the application.</summary>
    public DistributedApplication Build()
    {
        ResourceGraph.Validate(Model.Resources);
        // Registered last, so it starts after any dashboard: the dashboard listens before any child starts.
        _host.Services.AddHostedService<OrchestratorHostedService>();
        return new DistributedApplication(_host.Build());
    }

    /// <summary>"--in-memory" is a switch without a value; configuration arguments need one.</summary>
    private static string[] NormalizeArguments(string[] args) =>
        [.. args.Select(a => a == "--in-memory" ? $"--{DynamoDbLocalBuilderExtensions.InMemoryKey}=true" : a)];

    private static HostingSettings ReadSettings(IConfiguration configuration)
    {
        var section = configuration.GetSection("Hosting");
        var defaults = new HostingSettings();
        return defaults with
        {
            StopTimeout = section.GetValue("StopTimeout", defaults.StopTimeout),
            ProbeInterval = section.GetValue("ProbeInterval", defaults.ProbeInterval),
            HealthInterval = section.GetValue("HealthInterval", defaults.HealthInterval),
        };
    }
}
