using System.Diagnostics;

namespace CafeMenu.Hosting;

/// <summary>
/// One started process with its output captured line by line. On Unix it runs in a session and process group of its
/// own (started through setsid), so a terminal's Ctrl+C reaches only the AppHost, which then stops children in order,
/// and so a stop reaches every process the child started (java included), even ones that left its process tree.
/// </summary>
internal sealed class ChildProcess : IDisposable
{
    /// <summary>
    /// This AppHost's process id, given to every child: an AppHost killed with SIGKILL cannot stop its children, so they
    /// watch it and stop on their own (ServiceDefaults' AppHostWatch, the DynamoDB Local launcher).
    /// </summary>
    public const string AppHostPidVariable = "CAFEMENU_APPHOST_PID";

    private static readonly string? Setsid = OperatingSystem.IsWindows() ? null : DynamoDbLocal.DynamoDbLocalInstallation.FindOnPath("setsid");

    private readonly Process _process;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reading = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly bool _ownGroup;

    private ChildProcess(Process process, bool ownGroup)
    {
        _process = process;
        _ownGroup = ownGroup;
    }

    public int Id => _process.Id;

    /// <summary>Completes with the exit code once the process has exited, its group is cleaned up and its output read.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>Starts the process; <paramref name="onLine"/> gets each output line (text, isStdErr) and must not throw.</summary>
    public static ChildProcess Start(LaunchSpec spec, Action<string, bool> onLine)
    {
        if (!Directory.Exists(spec.WorkingDirectory))
        {
            throw new DistributedApplicationException($"working directory {spec.WorkingDirectory} does not exist");
        }

        // setsid execs in place (a forked child is never a group leader), so the pid stays the program's own.
        var info = new ProcessStartInfo(Setsid ?? spec.FileName)
        {
            WorkingDirectory = spec.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (Setsid is not null) info.ArgumentList.Add(spec.FileName);
        foreach (var argument in spec.Arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in spec.Environment) info.Environment[key] = value;
        info.Environment[AppHostPidVariable] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process, Setsid is not null);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data, false); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine(e.Data, true); };
        process.Exited += (_, _) => _ = child.CompleteAsync();
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            process.Dispose();
            throw new DistributedApplicationException($"{spec.FileName} could not be started: {e.Message}");
        }

        // Children read no input; a closed stdin makes that explicit.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        child._reading.SetResult();
        return child;
    }

    /// <summary>SIGTERM to the whole group, then SIGKILL when it has not exited after <paramref name="timeout"/>.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        if (!_exited.Task.IsCompleted)
        {
            SendGraceful();
            try
            {
                return await _exited.Task.WaitAsync(timeout);
            }
            catch (TimeoutException)
            {
                KillAll();
            }
        }

        return await _exited.Task;
    }

    public void Dispose() => _process.Dispose();

    private void SendGraceful()
    {
        if (_ownGroup)
        {
            PosixSignals.SignalGroup(_process.Id, PosixSignals.SigTerm);
        }
        else
        {
            // Windows has no SIGTERM for console children; stopping is a kill there.
            KillAll();
        }
    }

    private void KillAll()
    {
        if (_ownGroup) PosixSignals.SignalGroup(_process.Id, PosixSignals.SigKill);
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private async Task CompleteAsync()
    {
        // A quick exit can be reported before output reading began; wait for it so no line is lost.
        await _reading.Task;
        // Whatever the child left running in its group goes with it: no orphans.
        if (_ownGroup) PosixSignals.SignalGroup(_process.Id, PosixSignals.SigKill);
        try
        {
            // Waits until the redirected output is read to the end, so the last lines are known before the exit is reported.
            using var drain = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(drain.Token);
        }
        catch (OperationCanceledException)
        {
            // A descendant outside the group still holds the pipe; report the exit anyway.
        }

        _exited.TrySetResult(_process.ExitCode);
    }
}
