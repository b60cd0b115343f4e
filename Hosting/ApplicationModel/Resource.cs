namespace CafeMenu.Hosting;

/// <summary>
/// The base of every resource: what it waits for, what it references, extra arguments and environment.
/// Subclasses say how their process is launched and when it is ready.
/// </summary>
public abstract class Resource : IResource
{
    private protected Resource(string name)
    {
        ResourceNames.Validate(name);
        Name = name;
    }

    public string Name { get; }

    internal abstract string ResourceType { get; }

    internal List<WaitDependency> Waits { get; } = [];

    internal List<IResourceWithReferenceEnvironment> References { get; } = [];

    internal List<string> ExtraArguments { get; } = [];

    internal List<Action<IDictionary<string, string>>> EnvironmentCallbacks { get; } = [];

    /// <summary>Whether this resource listens on an HTTP port the orchestrator allocates.</summary>
    internal virtual bool HasHttpEndpoint => false;

    /// <summary>The allocated loopback port; set once by the orchestrator, kept across restarts so references stay valid.</summary>
    internal int? Port { get; set; }

    internal string HttpUrl => Port is { } port
        ? $"http://127.0.0.1:{port}"
        : throw new InvalidOperationException($"Resource '{Name}' has no allocated port.");

    /// <summary>Resources this one must not outlive at shutdown: everything it waits for or references.</summary>
    internal IEnumerable<Resource> Dependencies =>
        Waits.Select(w => w.Resource).Concat(References.OfType<Resource>()).Distinct();

    /// <summary>Checks what the resource needs before anything starts (files, tools, locks); throws <see cref="DistributedApplicationException"/>.</summary>
    internal virtual void Prepare(RunContext context)
    {
    }

    /// <summary>Releases what <see cref="Prepare"/> took.</summary>
    internal virtual void Release()
    {
    }

    internal abstract LaunchSpec CreateLaunch(RunContext context);

    /// <summary>A readiness probe, or null when the resource is ready as soon as it runs.</summary>
    internal virtual IReadinessProbe? CreateProbe() => null;

    /// <summary>Resource variables first, then references, then explicit WithEnvironment calls (the last word).</summary>
    internal Dictionary<string, string> BuildEnvironment(RunContext context)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        AddOwnEnvironment(environment, context);
        foreach (var reference in References)
        {
            foreach (var (key, value) in reference.GetReferenceEnvironment()) environment[key] = value;
        }

        foreach (var callback in EnvironmentCallbacks) callback(environment);
        return environment;
    }

    private protected virtual void AddOwnEnvironment(IDictionary<string, string> environment, RunContext context)
    {
    }
}

/// <summary>A resource that gives environment variables to the resources that reference it.</summary>
internal interface IResourceWithReferenceEnvironment
{
    IEnumerable<KeyValuePair<string, string>> GetReferenceEnvironment();
}

internal static class ResourceNames
{
    /// <summary>Names become environment variable parts (services__api__http__0), so keep them to lowercase, digits and '-'.</summary>
    public static void Validate(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 64 || !char.IsAsciiLetterLower(name[0])
            || name.Any(c => !(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')))
        {
            throw new ArgumentException($"Resource name '{name}' is not valid: use 1 to 64 lowercase letters, digits or '-', starting with a letter.", nameof(name));
        }
    }
}
