namespace CafeMenu.Hosting;

/// <summary>
/// Runs the application's resources: allocates their ports, starts each when what it waits for is ready, reports every
/// change, and stops them in reverse dependency order. It is the <see cref="IResourceService"/> the dashboard uses.
/// </summary>
internal sealed class Orchestrator : IResourceService
{
    private readonly AppModel _model;
    private readonly RunContext _context;
    private readonly Dictionary<string, ResourceRunner> _runners;
    private volatile bool _shuttingDown;
    private bool _prepared;

    public Orchestrator(AppModel model, RunContext context, TimeProvider time)
    {
        _model = model;
        _context = context;
        ResourceGraph.Validate(model.Resources);
        foreach (var resource in model.Resources.Where(r => r.HasHttpEndpoint && r.Port is null))
        {
            resource.Port = LoopbackPort.Next();
        }

        _runners = model.Resources.ToDictionary(
            r => r.Name,
            r => new ResourceRunner(r, context, time, Runner, RaiseChanged, RaiseLine),
            StringComparer.OrdinalIgnoreCase);
    }

    public event Action<ResourceSnapshot>? ResourceChanged;

    public event Action<ConsoleLogLine>? ConsoleLineReceived;

    public IReadOnlyList<ResourceSnapshot> GetResources() => [.. _model.Resources.Select(r => _runners[r.Name].Snapshot)];

    /// <summary>Checks every resource's prerequisites (tools, built projects, data folder) before anything starts.</summary>
    public void Prepare()
    {
        if (_prepared) return;
        var prepared = new List<Resource>();
        try
        {
            foreach (var resource in _model.Resources)
            {
                resource.Prepare(_context);
                prepared.Add(resource);
            }
        }
        catch
        {
            foreach (var resource in prepared) resource.Release();
            throw;
        }

        _prepared = true;
    }

    /// <summary>Starts every resource; each waits for its own dependencies, so the call returns at once.</summary>
    public async Task StartAllAsync(CancellationToken cancellationToken)
    {
        Prepare();
        foreach (var resource in _model.Resources)
        {
            await _runners[resource.Name].StartAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Stops every resource, dependents before what they depend on; each group stops in parallel. Not cancellable on
    /// purpose: giving up half-way would leave children behind, and each stop is bounded (SIGTERM, then SIGKILL).
    /// </summary>
    public async Task StopAllAsync()
    {
        _shuttingDown = true;
        foreach (var group in ResourceGraph.ShutdownOrder(_model.Resources))
        {
            await Task.WhenAll(group.Select(r => _runners[r.Name].StopAsync(CancellationToken.None)));
        }

        if (_prepared)
        {
            foreach (var resource in _model.Resources) resource.Release();
            _prepared = false;
        }
    }

    public Task StartResourceAsync(string name, CancellationToken cancellationToken)
    {
        if (_shuttingDown) throw new InvalidOperationException("The application is shutting down.");
        return Runner(name).StartAsync(cancellationToken);
    }

    public Task StopResourceAsync(string name, CancellationToken cancellationToken) => Runner(name).StopAsync(cancellationToken);

    public async Task RestartResourceAsync(string name, CancellationToken cancellationToken)
    {
        await StopResourceAsync(name, cancellationToken);
        await StartResourceAsync(name, cancellationToken);
    }

    private ResourceRunner Runner(string name) =>
        _runners.TryGetValue(name, out var runner) ? runner : throw new KeyNotFoundException($"There is no resource named '{name}'.");

    private void RaiseChanged(ResourceSnapshot snapshot) => Raise(ResourceChanged, snapshot);

    private void RaiseLine(ConsoleLogLine line) => Raise(ConsoleLineReceived, line);

    private static void Raise<T>(Action<T>? handlers, T value)
    {
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Action<T>>())
        {
            try
            {
                handler(value);
            }
            catch (Exception)
            {
                // A subscriber's bug must not stop the orchestrator or the other subscribers.
            }
        }
    }
}
