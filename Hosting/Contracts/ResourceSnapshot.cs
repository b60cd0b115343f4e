namespace CafeMenu.Hosting;

/// <summary>An endpoint a resource listens on, e.g. ("http", "http://127.0.0.1:5123").</summary>
public sealed record ResourceEndpoint(string Name, string Url);

/// <summary>An immutable view of one resource at one moment, for the console and the dashboard.</summary>
public sealed record ResourceSnapshot
{
    public required string Name { get; init; }

    /// <summary>"Project", "DynamoDBLocal", "Executable".</summary>
    public required string ResourceType { get; init; }

    public ResourceState State { get; init; } = ResourceState.NotStarted;

    public ResourceHealth Health { get; init; } = ResourceHealth.Unknown;

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? StoppedAt { get; init; }

    public int? ExitCode { get; init; }

    /// <summary>Why the resource is in its state, when that needs saying (e.g. "waiting for loader: loader is Exited with code 1").</summary>
    public string? StateReason { get; init; }

    public int? ProcessId { get; init; }

    /// <summary>What the resource waits for before it starts (names of other resources).</summary>
    public IReadOnlyList<string> WaitsFor { get; init; } = [];

    public IReadOnlyList<ResourceEndpoint> Endpoints { get; init; } = [];

    /// <summary>The environment given to the process, with secret values already masked.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>The executable and its arguments, as started.</summary>
    public string? CommandLine { get; init; }
}

/// <summary>One line a resource wrote to stdout or stderr.</summary>
public sealed record ConsoleLogLine(string ResourceName, DateTimeOffset Timestamp, string Text, bool IsStdErr);
