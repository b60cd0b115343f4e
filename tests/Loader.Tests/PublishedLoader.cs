using CafeMenu.Hosting.DynamoDBLocal;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// The Loader as <c>dotnet publish Loader -c Release</c> makes it: one executable compiled ahead of time (Native AOT),
/// published once for the tests that use it. Code that works under the JIT can fail there (reflection), so it is tested too.
/// </summary>
public sealed class PublishedLoader : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cafemenu-published-loader", Guid.NewGuid().ToString("N"));

    public string Executable => Path.Combine(_directory, "out", OperatingSystem.IsWindows() ? "CafeMenu.Loader.exe" : "CafeMenu.Loader");

    public async Task InitializeAsync()
    {
        // Its own artifacts folder: the publish shares no obj or bin folder with a build that may run beside it.
        string[] publish = ["publish", Path.Combine(DynamoDBLocalInstallation.FindRepositoryRoot(), "Loader"), "-c", "Release",
            "-o", Path.Combine(_directory, "out"), "--artifacts-path", Path.Combine(_directory, "artifacts"), "--disable-build-servers",
            "-nologo", "-v:q", "-clp:ErrorsOnly"];
        // The test host's MSBuild locations point at its own build; the publish must find the SDK as a user's would.
        var run = await LoaderProcess.RunProgramAsync(LoaderProcess.DotnetHost, publish, TimeSpan.FromMinutes(8),
            new Dictionary<string, string>(), ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH"]);
        if (run.ExitCode != 0 || !File.Exists(Executable))
        {
            throw new InvalidOperationException($"dotnet publish Loader failed: {run}");
        }
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
