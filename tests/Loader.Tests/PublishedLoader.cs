using System.Diagnostics;
using CafeMenu.Hosting.DynamoDbLocal;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// The Loader as <c>dotnet publish Loader -c Release</c> makes it: one executable compiled ahead of time (Native AOT),
/// published once for the tests that use it. Code that works under the JIT can fail there (reflection), so it is tested too.
/// </summary>
public sealed class PublishedLoader : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cafemenu-published-loader", Guid.NewGuid().ToString("N"));

    public string Executable => Path.Combine(_directory, "CafeMenu.Loader");

    public async Task InitializeAsync()
    {
        var publish = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", Path.Combine(DynamoDbLocalInstallation.FindRepositoryRoot(), "Loader"), "-c", "Release", "-o", _directory, "-nologo", "-v:q", "-clp:ErrorsOnly" })
        {
            publish.ArgumentList.Add(argument);
        }

        // The test host's MSBuild settings point at its own build; the publish must find the SDK as a user's would.
        foreach (var name in publish.Environment.Keys.Where(key => key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            publish.Environment.Remove(name);
        }

        using var process = Process.Start(publish)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish Loader took longer than 8 minutes");
        }

        if (process.ExitCode != 0 || !File.Exists(Executable))
        {
            throw new InvalidOperationException($"dotnet publish Loader failed (exit {process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}
