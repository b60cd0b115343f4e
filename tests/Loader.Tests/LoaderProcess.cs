using System.Diagnostics;
using CafeMenu.TestSupport;

namespace CafeMenu.Loader.Tests;

/// <summary>Runs a program (a Loader as users run it, or the publish that makes one) as its own process, bounded in time.</summary>
internal static class LoaderProcess
{
    /// <summary>The <c>dotnet</c> that runs these tests (the test host names it), else the one on the PATH.</summary>
    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>The built Loader (<c>dotnet CafeMenu.Loader.dll</c>, next to the tests) against <paramref name="dynamo"/>.</summary>
    public static Task<LoaderRun.Result> RunBuiltAsync(DynamoDbLocalFixture dynamo, TimeSpan timeout, params string[] args) =>
        RunAsync(dynamo, timeout, DotnetHost, [Path.Combine(AppContext.BaseDirectory, "CafeMenu.Loader.dll"), .. args]);

    /// <summary>A Loader program against <paramref name="dynamo"/>, with the environment the AppHost would give it and no telemetry export.</summary>
    public static Task<LoaderRun.Result> RunAsync(DynamoDbLocalFixture dynamo, TimeSpan timeout, string program, params string[] args) =>
        RunProgramAsync(program, args, timeout, dynamo.Environment, ["OTEL_EXPORTER_OTLP_ENDPOINT"]);

    public static async Task<LoaderRun.Result> RunProgramAsync(string program, IEnumerable<string> args, TimeSpan timeout,
        IReadOnlyDictionary<string, string> environment, IEnumerable<string> unset)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in args) start.ArgumentList.Add(argument);
        foreach (var name in unset) start.Environment.Remove(name);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} ran longer than {timeout}");
        }

        // A grandchild that kept the pipes open must not hang the test once the program itself has exited.
        var drained = TimeSpan.FromSeconds(30);
        return new LoaderRun.Result(process.ExitCode, await output.WaitAsync(drained), await error.WaitAsync(drained));
    }
}
