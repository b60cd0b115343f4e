using CafeMenu.Hosting;

namespace CafeMenu.Dashboard.Tests;

/// <summary>An orchestrator stand-in: holds snapshots, raises the events, records the commands it received.</summary>
internal sealed class FakeResourceService : IResourceService
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ResourceSnapshot> _resources = new(StringComparer.Ordinal);

    public FakeResourceService(params ResourceSnapshot[] resources)
    {
        foreach (var resource in resources) _resources[resource.Name] = resource;
    }

    public List<string> Commands { get; } = [];

    public event Action<ResourceSnapshot>? ResourceChanged;

    public int ResourceChangedSubscribers => ResourceChanged?.GetInvocationList().Length ?? 0;

    public event Action<ConsoleLogLine>? ConsoleLineReceived;

    public IReadOnlyList<ResourceSnapshot> GetResources()
    {
        lock (_lock) return _resources.Values.OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
    }

    public void Update(ResourceSnapshot snapshot)
    {
        lock (_lock) _resources[snapshot.Name] = snapshot;
        ResourceChanged?.Invoke(snapshot);
    }

    public void WriteConsole(string resource, string text, bool isStdErr = false) =>
        ConsoleLineReceived?.Invoke(new ConsoleLogLine(resource, DateTimeOffset.UtcNow, text, isStdErr));

    public Task StartResourceAsync(string name, CancellationToken cancellationToken) => Command("start", name, ResourceState.Running);

    public Task StopResourceAsync(string name, CancellationToken cancellationToken) => Command("stop", name, ResourceState.Exited);

    public Task RestartResourceAsync(string name, CancellationToken cancellationToken) => Command("restart", name, ResourceState.Running);

    private Task Command(string verb, string name, ResourceState state)
    {
        ResourceSnapshot snapshot;
        lock (_lock)
        {
            Commands.Add($"{verb} {name}");
            snapshot = _resources[name] with { State = state, ExitCode = state == ResourceState.Exited ? 0 : null };
            _resources[name] = snapshot;
        }

        ResourceChanged?.Invoke(snapshot);
        return Task.CompletedTask;
    }

    public static ResourceSnapshot Project(string name, int port, ResourceState state = ResourceState.Running) => new()
    {
        Name = name,
        ResourceType = "Project",
        State = state,
        Health = state == ResourceState.Running ? ResourceHealth.Healthy : ResourceHealth.Unknown,
        StartedAt = DateTimeOffset.UtcNow.AddMinutes(-2),
        ProcessId = 4242,
        Endpoints = [new ResourceEndpoint("http", $"http://127.0.0.1:{port}")],
        CommandLine = $"dotnet {name}.dll",
        Environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["OTEL_SERVICE_NAME"] = name,
            ["OTEL_EXPORTER_OTLP_HEADERS"] = "x-otlp-api-key=super-secret-key",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
        },
    };
}
