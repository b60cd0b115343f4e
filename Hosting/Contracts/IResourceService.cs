namespace CafeMenu.Hosting;

/// <summary>What the orchestrator offers the dashboard: the resources, their changes and console output, and commands.</summary>
public interface IResourceService
{
    IReadOnlyList<ResourceSnapshot> GetResources();

    /// <summary>Raised after any change of a resource's snapshot; handlers must be quick and must not throw.</summary>
    event Action<ResourceSnapshot>? ResourceChanged;

    /// <summary>Raised for every console line of every resource; handlers must be quick and must not throw.</summary>
    event Action<ConsoleLogLine>? ConsoleLineReceived;

    Task StartResourceAsync(string name, CancellationToken cancellationToken);

    Task StopResourceAsync(string name, CancellationToken cancellationToken);

    Task RestartResourceAsync(string name, CancellationToken cancellationToken);
}
