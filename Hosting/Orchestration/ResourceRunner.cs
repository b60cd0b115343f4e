using System.Diagnostics;

namespace CafeMenu.Hosting;

/// <summary>
/// The lifecycle of one resource: wait for its dependencies, start its process, probe readiness, watch it exit.
/// A run is one task; Stop cancels it (graceful stop, then kill) and Start begins a new one.
/// </summary>
internal sealed class ResourceRunner
{
    private readonly object _lock = new();
    private readonly object _publishLock = new();
    private readonly SemaphoreSlim _commands = new(1, 1);
    private readonly Func<string, ResourceRunner> _lookup;
    private readonly RunContext _context;
    private readonly TimeProvider _time;
    private readonly Action<ResourceSnapshot> _changed;
    private readonly Action<ConsoleLogLine> _line;
    private ResourceSnapshot _snapshot;
    private TaskCompletionSource _nextChange = NewSignal();
    private CancellationTokenSource? _runCancellation;
    private Task _run = Task.CompletedTask;

    public ResourceRunner(
        Resource resource, RunContext context, TimeProvider time, Func<string, ResourceRunner> lookup,
        Action<ResourceSnapshot> changed, Action<ConsoleLogLine> line)
    {
        Resource = resource;
        _context = context;
        _time = time;
        _lookup = lookup;
        _changed = changed;
        _line = line;
        _snapshot = new ResourceSnapshot
        {
            Name = resource.Name,
            ResourceType = resource.ResourceType,
            WaitsFor = [.. resource.Waits.Select(w => w.Resource.Name).Distinct()],
            Endpoints = resource.Port is null ? [] : [new ResourceEndpoint("http", resource.HttpUrl)],
        };
    }

    public Resource Resource { get; }

    public ResourceSnapshot Snapshot
    {
        get
        {
            lock (_lock) return _snapshot;
        }
    }

    /// <summary>Starts a run unless one is active (waiting, starting or running).</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _commands.WaitAsync(cancellationToken);
        try
        {
            if (!_run.IsCompleted) return;
            _runCancellation?.Dispose();
            _runCancellation = new CancellationTokenSource();
            var token = _runCancellation.Token;
            if (Resource.Waits.Count > 0)
            {
                // Set before the call returns, so that a caller sees at once that the resource waits.
                Update(s => s with
                {
                    State = ResourceState.Waiting,
                    StateReason = $"waiting for {string.Join(", ", Resource.Waits.Select(w => w.Resource.Name).Distinct())}",
                    ExitCode = null,
                    Health = ResourceHealth.Unknown,
                });
            }

            _run = Task.Run(() => RunAsync(token), CancellationToken.None);
        }
        finally
        {
            _commands.Release();
        }
    }

    /// <summary>Stops the active run: a waiting resource stops waiting, a running one gets SIGTERM, then SIGKILL after the timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _commands.WaitAsync(cancellationToken);
        try
        {
            if (_run.IsCompleted) return;
            await _runCancellation!.CancelAsync();
            await _run.WaitAsync(cancellationToken);
        }
        finally
        {
            _commands.Release();
        }
    }

    /// <summary>Completes at the next snapshot change; take it before reading <see cref="Snapshot"/> so no change is missed.</summary>
    public Task NextChange
    {
        get
        {
            lock (_lock) return _nextChange.Task;
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await WaitForDependenciesAsync(cancellationToken)) return;
            await RunProcessAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Update(s => s with { State = ResourceState.NotStarted, StateReason = "stopped before it started" });
        }
        catch (Exception e)
        {
            // The orchestrator must outlive any one resource's failure.
            Update(s => s with { State = ResourceState.FailedToStart, StateReason = e.Message, ProcessId = null });
        }
    }

    private async Task<bool> WaitForDependenciesAsync(CancellationToken cancellationToken)
    {
        if (Resource.Waits.Count == 0) return true;
        foreach (var wait in Resource.Waits)
        {
            var dependency = _lookup(wait.Resource.Name);
            while (true)
            {
                var change = dependency.NextChange;
                var (outcome, reason) = WaitRules.Evaluate(wait.Kind, dependency.Snapshot);
                if (outcome == WaitOutcome.Satisfied) break;
                if (outcome == WaitOutcome.Failed)
                {
                    Update(s => s with { State = ResourceState.FailedToStart, StateReason = $"waiting for {dependency.Resource.Name}: {reason}" });
                    return false;
                }

                await change.WaitAsync(cancellationToken);
            }
        }

        return true;
    }

    private async Task RunProcessAsync(CancellationToken cancellationToken)
    {
        using var activity = HostingTelemetry.Source.StartActivity($"start {Resource.Name}");
        activity?.SetTag("resource.name", Resource.Name);
        activity?.SetTag("resource.type", Resource.ResourceType);
        Update(s => s with { State = ResourceState.Starting, StateReason = null, ExitCode = null, Health = ResourceHealth.Unknown, StoppedAt = null });

        var launch = Resource.CreateLaunch(_context);
        activity?.SetTag("process.command_line", launch.CommandLine);
        ChildProcess child;
        try
        {
            child = ChildProcess.Start(launch, OnLine);
        }
        catch (DistributedApplicationException e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            Update(s => s with { State = ResourceState.FailedToStart, StateReason = e.Message });
            return;
        }

        using var _ = child;
        using var probe = Resource.CreateProbe();
        activity?.SetTag("process.pid", child.Id);
        Update(s => s with
        {
            State = ResourceState.Running,
            ProcessId = child.Id,
            StartedAt = _time.GetUtcNow(),
            Health = probe is null ? ResourceHealth.Healthy : ResourceHealth.Unhealthy,
            Environment = SecretMasker.MaskEnvironment(launch.Environment),
            CommandLine = launch.CommandLine,
            Endpoints = launch.Endpoints,
        });

        using var probing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var firstReady = probe is null ? Task.CompletedTask : ProbeAsync(probe, probing.Token);
        var readyOrExited = await Task.WhenAny(firstReady, child.Exited, Task.Delay(Timeout.Infinite, cancellationToken));
        if (readyOrExited == firstReady && firstReady.IsCompletedSuccessfully)
        {
            activity?.SetStatus(ActivityStatusCode.Ok);
        }
        else
        {
            activity?.SetStatus(ActivityStatusCode.Error, cancellationToken.IsCancellationRequested ? "stopped before ready" : "exited before ready");
        }

        activity?.Dispose();

        int exitCode;
        var stopped = false;
        try
        {
            exitCode = await child.Exited.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            stopped = true;
            Update(s => s with { State = ResourceState.Stopping });
            exitCode = await child.StopAsync(_context.Settings.StopTimeout);
        }

        await probing.CancelAsync();
        try
        {
            await firstReady;
        }
        catch (OperationCanceledException)
        {
            // The process ended before it was ever ready.
        }

        Update(s => s with
        {
            State = !stopped && exitCode == 0 ? ResourceState.Finished : ResourceState.Exited,
            StateReason = stopped ? "stopped" : null,
            ExitCode = exitCode,
            StoppedAt = _time.GetUtcNow(),
            Health = ResourceHealth.Unknown,
            ProcessId = null,
        });
    }

    /// <summary>Returns once the probe first succeeds, then keeps reporting health until cancelled.</summary>
    private async Task ProbeAsync(IReadinessProbe probe, CancellationToken cancellationToken)
    {
        while (!await probe.IsReadyAsync(cancellationToken))
        {
            await Task.Delay(_context.Settings.ProbeInterval, _time, cancellationToken);
        }

        Update(s => s with { Health = ResourceHealth.Healthy });
        _ = Task.Run(() => KeepProbingAsync(probe, cancellationToken), CancellationToken.None);
    }

    private async Task KeepProbingAsync(IReadinessProbe probe, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(_context.Settings.HealthInterval, _time, cancellationToken);
                var healthy = await probe.IsReadyAsync(cancellationToken);
                Update(s => s.State == ResourceState.Running ? s with { Health = healthy ? ResourceHealth.Healthy : ResourceHealth.Unhealthy } : s);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped with the process.
        }
        catch (ObjectDisposedException)
        {
            // The probe went with the process.
        }
    }

    private void OnLine(string text, bool isStdErr) => _line(new ConsoleLogLine(Resource.Name, _time.GetUtcNow(), text, isStdErr));

    private void Update(Func<ResourceSnapshot, ResourceSnapshot> change)
    {
        // Changes are published one at a time, so every observer sees them in the order they happened; the state lock is
        // not held meanwhile, so a handler may read any resource's snapshot without a lock-order deadlock.
        lock (_publishLock)
        {
            ResourceSnapshot next;
            TaskCompletionSource signal;
            lock (_lock)
            {
                next = change(_snapshot);
                if (next == _snapshot) return;
                _snapshot = next;
                signal = _nextChange;
                _nextChange = NewSignal();
            }

            _changed(next);
            signal.SetResult();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
