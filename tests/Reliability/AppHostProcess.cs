using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using CafeMenu.Hosting.DynamoDBLocal;
using CafeMenu.TestSupport;

namespace CafeMenu.Reliability;

/// <summary>
/// The real AppHost started as a person starts it (<c>dotnet run --project AppHost</c>), in a process group of its own as a
/// terminal's job is, with its console parsed: "[apphost] api: Running (Healthy) http://127.0.0.1:5123". Every process it
/// starts carries a marker variable, so the test finds them in /proc even after they were re-parented.
/// </summary>
internal sealed partial class AppHostProcess : IAsyncDisposable
{
    private static readonly string RepositoryRoot = DynamoDBLocalInstallation.FindRepositoryRoot(AppContext.BaseDirectory);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentDictionary<string, string> _readyUrls = new();

    private AppHostProcess(Process process, string marker)
    {
        _process = process;
        Marker = marker;
    }

    public string Marker { get; }

    /// <summary>The process group: the <c>dotnet run</c> process leads it, as the shell's job would.</summary>
    public int ProcessGroup => _process.Id;

    public string Output => string.Join('\n', _output);

    /// <summary>
    /// Starts the AppHost (in memory unless <paramref name="dynamoDBArgs"/> say otherwise), with free ports for the dashboard and randomized resource ports so that it runs beside
    /// others. perl resets SIGINT to its default (a background job of a non-interactive shell inherits it ignored, and
    /// .NET keeps it so) and setsid gives it its own process group, so SIGINT to the group is a terminal's Ctrl+C.
    /// </summary>
    public static AppHostProcess Start(params string[] dynamoDBArgs)
    {
        var marker = $"reliability-{Guid.NewGuid():N}";
        var info = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot,
        };
        foreach (var argument in (string[])["perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\";",
                     Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", "run", "--project", "AppHost", "--no-build",
                     "--", .. dynamoDBArgs.Length > 0 ? dynamoDBArgs : ["--in-memory"], "--DcpPublisher:RandomizePorts=true",
                     // Configuration from the command line outranks the launch profile's variables, which outrank ours.
                     $"--ASPNETCORE_URLS={Loopback(FreePort.Next())}",
                     $"--ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL={Loopback(FreePort.Next())}",
                     $"--ASPIRE_DASHBOARD_MCP_ENDPOINT_URL={Loopback(FreePort.Next())}",
                     $"--ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL={Loopback(FreePort.Next())}"])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["CAFEMENU_RELIABILITY_MARKER"] = marker;

        var process = new Process { StartInfo = info };
        var host = new AppHostProcess(process, marker);
        process.OutputDataReceived += (_, e) => host.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => host.OnLine(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The first URL the console printed for a ready resource.</summary>
    public string Url(string resource) => _readyUrls[resource];

    /// <summary>Waits until each resource printed its ready line; fails at once when one fails or the AppHost exits.</summary>
    public async Task WaitUntilReadyAsync(IReadOnlyCollection<string> resources, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!resources.All(_readyUrls.ContainsKey))
        {
            Assert.False(_process.HasExited, $"The AppHost exited:\n{Output}");
            Assert.DoesNotContain(_output, line => FailureLine().IsMatch(line));
            Assert.True(clock.Elapsed < timeout, $"Not every resource was ready within {timeout}:\n{Output}");
            await Task.Delay(200);
        }
    }

    public void SignalGroup(int signal) => Assert.Equal(0, kill(-ProcessGroup, signal));

    private void Signal(int pid, int signal) => Assert.Equal(0, kill(pid, signal));

    /// <summary>Sends <paramref name="signal"/> to the AppHost itself, below the <c>dotnet run</c> that started it.</summary>
    public void SignalAppHost(int signal) => Signal(
        MarkedProcesses().Single(p => p.CommandLine.Contains("CafeMenu.AppHost", StringComparison.Ordinal) && !p.CommandLine.Contains(" run ", StringComparison.Ordinal)).Pid,
        signal);

    /// <summary>Every live process carrying this AppHost's marker variable (the AppHost and all it started).</summary>
    public IReadOnlyList<(int Pid, string CommandLine)> MarkedProcesses() => ProcFs.ProcessesWithEnvironment("CAFEMENU_RELIABILITY_MARKER=" + Marker);

    /// <summary>Waits until no marked process is left; returns how long that took, or fails with those left.</summary>
    public async Task<TimeSpan> WaitUntilNoProcessIsLeftAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        for (var left = MarkedProcesses(); left.Count > 0; left = MarkedProcesses())
        {
            Assert.True(clock.Elapsed < timeout, $"Left after {timeout}:\n{string.Join('\n', left)}");
            await Task.Delay(100);
        }

        return clock.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        // Whatever happened in the test, leave nothing running.
        foreach (var (pid, _) in MarkedProcesses()) kill(pid, 9);
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static string Loopback(int port) => "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);

    private void OnLine(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        var match = ReadyLine().Match(line);
        if (match.Success) _readyUrls.TryAdd(match.Groups["name"].Value, match.Groups["url"].Value);
    }

    [GeneratedRegex(@"^\[apphost\] (?<name>[a-z][a-z0-9-]*): Running \(Healthy\) (?<url>\S+)")]
    private static partial Regex ReadyLine();

    /// <summary>Waits until the console shows a line that contains <paramref name="text"/>; returns it.</summary>
    public async Task<string> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_output.FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal)) is { } line) return line;
            Assert.True(clock.Elapsed < timeout, $"No line with \"{text}\" within {timeout}:\n{Output}");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"^\[apphost\] [a-z][a-z0-9-]*: (FailedToStart|Exited)")]
    private static partial Regex FailureLine();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
