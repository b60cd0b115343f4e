using CafeMenu.Hosting.DynamoDbLocal;

namespace CafeMenu.Hosting.Tests;

/// <summary>Builders for small applications of real child processes, with short timeouts so every test is bounded.</summary>
internal static class TestApp
{
    public static readonly string RepositoryRoot = DynamoDbLocalInstallation.FindRepositoryRoot();

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static DistributedApplicationBuilder CreateBuilder(params string[] args) => DistributedApplication.CreateBuilder(
        ["--Dashboard:Enabled=false", "--Hosting:StopTimeout=00:00:02", "--Hosting:ProbeInterval=00:00:00.100", .. args],
        RepositoryRoot);

    /// <summary>A resource running <c>sh -c script</c> in <paramref name="directory"/>.</summary>
    public static IResourceBuilder<ExecutableResource> AddScript(this IDistributedApplicationBuilder builder, string name, string directory, string script) =>
        builder.AddExecutable(name, "sh", directory, "-c", script);

    public static IResourceService Resources(this DistributedApplication app) =>
        (IResourceService)app.Services.GetService(typeof(IResourceService))!;

    public static ResourceSnapshot Get(this IResourceService service, string name) => service.GetResources().Single(r => r.Name == name);

    /// <summary>Waits until resource <paramref name="name"/> satisfies <paramref name="predicate"/>; fails with its last snapshot otherwise.</summary>
    public static async Task<ResourceSnapshot> WaitForAsync(this IResourceService service, string name, Func<ResourceSnapshot, bool> predicate)
    {
        var reached = new TaskCompletionSource<ResourceSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(ResourceSnapshot snapshot)
        {
            if (snapshot.Name == name && predicate(snapshot)) reached.TrySetResult(snapshot);
        }

        service.ResourceChanged += OnChanged;
        try
        {
            var current = service.Get(name);
            if (predicate(current)) return current;
            return await reached.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            var last = service.Get(name);
            throw new Xunit.Sdk.XunitException($"{name} did not reach the expected state in {Timeout}; it is {last.State} ({last.StateReason}), exit code {last.ExitCode}.");
        }
        finally
        {
            service.ResourceChanged -= OnChanged;
        }
    }

    public static bool ProcessExists(int pid) => Directory.Exists($"/proc/{pid}") && !IsZombie(pid);

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }
}

/// <summary>A temporary folder for one test's scripts and marker files.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("cafemenu-hosting-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>Project metadata for tests that do not start the project.</summary>
internal sealed record FakeProject(string ProjectDirectory, string AssemblyPath, bool IsWebProject) : IProjectMetadata;
