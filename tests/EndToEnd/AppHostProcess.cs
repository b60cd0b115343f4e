using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace CafeMenu.EndToEnd;

/// <summary>
/// The real AppHost started as a user starts it (<c>dotnet CafeMenu.AppHost.dll ...</c>), with its console parsed:
/// "[apphost] api: Running (Healthy) http://127.0.0.1:5123". Every process it starts carries a marker variable,
/// so the test can find them in /proc even after they were re-parented.
/// </summary>
internal sealed partial class AppHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentDictionary<string, (string State, string? Health, string Detail)> _states = new();
    private readonly SemaphoreSlim _changed = new(0);

    private AppHostProcess(Process process, string marker)
    {
        _process = process;
        Marker = marker;
    }

    public string Marker { get; }

    public int Id => _process.Id;

    public string Output => string.Join('\n', _output);

    public string ErrorOutput { get; private set; } = "";

    /// <summary>Starts the AppHost; with <paramref name="restoreSigInt"/> through perl, which resets SIGINT to its default
    /// (a background job of a non-interactive shell inherits it ignored, and .NET keeps it so).</summary>
    public static AppHostProcess Start(IEnumerable<string> args, bool restoreSigInt = false, string? path = null)
    {
        var marker = $"e2e-{Guid.NewGuid():N}";
        var dotnet = Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        var info = new ProcessStartInfo(restoreSigInt ? "perl" : dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (restoreSigInt)
        {
            info.ArgumentList.Add("-e");
            info.ArgumentList.Add("$SIG{INT} = 'DEFAULT'; exec @ARGV or die \"exec: $!\";");
            info.ArgumentList.Add(dotnet);
        }

        info.ArgumentList.Add(new Projects.AppHost().AssemblyPath);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["Dashboard__Port"] = "0";
        info.Environment["Dashboard__OtlpGrpcPort"] = "0";
        info.Environment["Dashboard__OtlpHttpPort"] = "0";
        info.Environment["CAFEMENU_E2E_MARKER"] = marker;
        if (path is not null) info.Environment["PATH"] = path;

        var process = new Process { StartInfo = info };
        var host = new AppHostProcess(process, marker);
        var errors = new ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) host.OnLine(e.Data); };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            errors.Enqueue(e.Data);
            host.ErrorOutput = string.Join('\n', errors);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>The URL the console printed for a healthy resource.</summary>
    public string Url(string resource) => _states[resource].Detail.Trim();

    /// <summary>Waits until every resource is Running and Healthy, or Finished; fails at once when one fails.</summary>
    public async Task WaitUntilReadyAsync(IReadOnlyDictionary<string, string> expected, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var failed = _states.Where(s => s.Value.State is "Exited" or "FailedToStart").Select(s => $"{s.Key}: {s.Value.State}{s.Value.Detail}").ToList();
            Assert.True(failed.Count == 0, $"A resource failed: {string.Join("; ", failed)}\n{Output}\n{ErrorOutput}");
            Assert.False(_process.HasExited, $"The AppHost exited with code {(_process.HasExited ? _process.ExitCode : 0)}:\n{Output}\n{ErrorOutput}");
            if (expected.All(e => _states.TryGetValue(e.Key, out var s) && (s.Health is null ? s.State : $"{s.State} {s.Health}") == e.Value)) return;
            try
            {
                await _changed.WaitAsync(TimeSpan.FromMilliseconds(500), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"Not every resource was ready within {timeout}:\n{Output}\n{ErrorOutput}");
            }
        }
    }

    public void Signal(int signal) => Assert.Equal(0, kill(_process.Id, signal));

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"The AppHost did not exit within {timeout}:\n{Output}");
        }

        return _process.ExitCode;
    }

    /// <summary>Every live process carrying this AppHost's marker variable (the AppHost and all it started).</summary>
    public IReadOnlyList<(int Pid, string CommandLine)> MarkedProcesses() => ProcFs.ProcessesWithEnvironment("CAFEMENU_E2E_MARKER=" + Marker);

    public async ValueTask DisposeAsync()
    {
        // Whatever happened in the test, leave nothing running.
        foreach (var (pid, _) in MarkedProcesses()) kill(pid, 9);
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private void OnLine(string line)
    {
        _output.Enqueue(line);
        var match = StateLine().Match(line);
        if (match.Success)
        {
            var health = match.Groups["health"].Success ? match.Groups["health"].Value : null;
            _states[match.Groups["name"].Value] = (match.Groups["state"].Value, health, match.Groups["rest"].Value);
            _changed.Release();
        }
    }

    [GeneratedRegex(@"^\[apphost\] (?<name>[a-z][a-z0-9-]*): (?<state>[A-Za-z]+)(?: \((?<health>[A-Za-z]+)\))?(?<rest>.*)$")]
    private static partial Regex StateLine();

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
