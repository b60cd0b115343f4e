using System.Diagnostics;
using CafeMenu.TestSupport;

namespace CafeMenu.Loader.Tests;

/// <summary>Runs a Loader program as its own process against DynamoDB Local, as users run it, and captures what it prints.</summary>
internal static class LoaderProcess
{
    /// <summary>The built Loader (<c>dotnet CafeMenu.Loader.dll</c>, next to the tests) with <paramref name="args"/>.</summary>
    public static Task<LoaderRun.Result> RunBuiltAsync(DynamoDbLocalFixture dynamo, TimeSpan timeout, params string[] args) =>
        RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "CafeMenu.Loader.dll"), .. args], dynamo, timeout);

    public static async Task<LoaderRun.Result> RunAsync(string program, IEnumerable<string> args, DynamoDbLocalFixture dynamo, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in args) start.ArgumentList.Add(argument);
        foreach (var (name, value) in dynamo.Environment) start.Environment[name] = value;
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
            throw new TimeoutException($"{program} {string.Join(' ', args)} ran longer than {timeout}");
        }

        return new LoaderRun.Result(process.ExitCode, await output, await error);
    }
}
