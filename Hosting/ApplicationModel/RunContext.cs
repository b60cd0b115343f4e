namespace CafeMenu.Hosting;

/// <summary>What resources need from the running application to build their launch: paths, dashboard, settings.</summary>
internal sealed record RunContext(string RepositoryRoot, DashboardOptions Dashboard, HostingSettings Settings, string DotnetPath);

/// <summary>Orchestrator settings from configuration section "Hosting".</summary>
internal sealed record HostingSettings
{
    /// <summary>How long a child has to exit after SIGTERM before it is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Delay between readiness probes until the resource is first ready.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Delay between health probes once the resource was ready.</summary>
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many last output lines are shown when a resource fails.</summary>
    public int FailureLines { get; init; } = 15;
}
