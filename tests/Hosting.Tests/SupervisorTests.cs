using System.Collections.Concurrent;
using System.Diagnostics;

namespace CafeMenu.Hosting.Tests;

/// <summary>The supervisor with real child processes (small sh scripts); every wait is bounded by TestApp.Timeout.</summary>
public sealed class SupervisorTests : IDisposable
{
    private const string Forever = "while true; do sleep 0.1; done";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_crashing_resource_shows_its_exit_code_and_output_and_the_others_keep_running()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddScript("crash", _folder.Path, "echo starting; echo 'config missing' >&2; exit 3");
        builder.AddScript("steady", _folder.Path, Forever);
        await using var app = builder.Build();
        var lines = new ConcurrentQueue<ConsoleLogLine>();
        app.Resources().ConsoleLineReceived += lines.Enqueue;
        var console = new StringWriter();
        using var reporter = new ConsoleReporter(app.Resources(), console, failureLines: 15);

        await app.StartAsync();
        var crashed = await app.Resources().WaitForAsync("crash", s => s.State == ResourceState.Exited);

        Assert.Equal(3, crashed.ExitCode);
        Assert.Contains(lines, l => l is { ResourceName: "crash", Text: "starting", IsStdErr: false });
        Assert.Contains(lines, l => l is { ResourceName: "crash", Text: "config missing", IsStdErr: true });
        var steady = app.Resources().Get("steady");
        Assert.Equal(ResourceState.Running, steady.State);
        Assert.True(TestApp.ProcessExists(steady.ProcessId!.Value));
        var shown = console.ToString();
        Assert.Contains("[apphost] crash: Exited with code 3\n[apphost] crash's last output:\n", shown);
        Assert.Contains("[apphost]   crash | starting\n", shown);
        Assert.Contains("[apphost]   crash | config missing\n", shown);
        Assert.Contains("crash  | config missing\n", shown);
        await app.StopAsync();
    }

    [Fact]
    public async Task A_dependent_of_a_failed_job_fails_to_start_with_the_reason()
    {
        var builder = TestApp.CreateBuilder();
        var job = builder.AddScript("job", _folder.Path, "exit 4");
        builder.AddScript("service", _folder.Path, Forever).WaitForCompletion(job);
        await using var app = builder.Build();

        await app.StartAsync();
        var service = await app.Resources().WaitForAsync("service", s => s.State == ResourceState.FailedToStart);

        Assert.Equal("waiting for job: job is Exited with code 4", service.StateReason);
        Assert.Null(service.ProcessId);
        await app.StopAsync();
    }

    [Fact]
    public async Task A_resource_starts_only_after_the_job_it_waits_for_finished()
    {
        var builder = TestApp.CreateBuilder();
        var job = builder.AddScript("job", _folder.Path, "sleep 0.5; touch loaded");
        builder.AddScript("service", _folder.Path, $"test -f loaded || exit 9; {Forever}").WaitForCompletion(job);
        await using var app = builder.Build();

        await app.StartAsync();
        Assert.Equal(ResourceState.Waiting, app.Resources().Get("service").State);
        var service = await app.Resources().WaitForAsync("service", s => s.State == ResourceState.Running);

        var finished = app.Resources().Get("job");
        Assert.Equal(ResourceState.Finished, finished.State);
        Assert.Equal(0, finished.ExitCode);
        Assert.True(service.StartedAt >= finished.StoppedAt);
        await app.StopAsync();
    }

    [Fact]
    public async Task The_process_id_is_the_programs_own_in_a_process_group_of_its_own()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddScript("pid", _folder.Path, "echo $$ > pid; " + Forever);
        await using var app = builder.Build();

        await app.StartAsync();
        var running = await app.Resources().WaitForAsync("pid", s => s.State == ResourceState.Running);
        var written = await WaitForFileAsync(_folder.File("pid"));

        Assert.Equal(running.ProcessId, int.Parse(written.Trim()));
        var stat = File.ReadAllText($"/proc/{running.ProcessId}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        Assert.Equal(running.ProcessId.ToString(), fields[2]); // pgrp: leader of its own group
        await app.StopAsync();
    }

    [Fact]
    public async Task A_child_that_ignores_sigterm_is_killed_after_the_timeout()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddScript("stubborn", _folder.Path, $"trap '' TERM INT; echo ready; {Forever}");
        await using var app = builder.Build();
        var ready = WatchForLine(app, "stubborn", "ready");
        await app.StartAsync();
        var running = await app.Resources().WaitForAsync("stubborn", s => s.State == ResourceState.Running);
        await ready.WaitAsync(TestApp.Timeout);

        var clock = Stopwatch.StartNew();
        await app.Resources().StopResourceAsync("stubborn", CancellationToken.None);

        var stopped = app.Resources().Get("stubborn");
        Assert.Equal(ResourceState.Exited, stopped.State);
        Assert.Equal(137, stopped.ExitCode); // 128 + SIGKILL
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(15));
        Assert.False(TestApp.ProcessExists(running.ProcessId!.Value));
        await app.StopAsync();
    }

    [Fact]
    public async Task Stopping_a_resource_also_ends_what_it_started_in_the_background()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddScript("parent", _folder.Path, $"sleep 300 & echo $! > child; {Forever}");
        builder.AddScript("leaver", _folder.Path, "sleep 300 & echo $! > left; exit 0");
        await using var app = builder.Build();
        await app.StartAsync();
        await app.Resources().WaitForAsync("parent", s => s.State == ResourceState.Running);
        var child = int.Parse((await WaitForFileAsync(_folder.File("child"))).Trim());
        await app.Resources().WaitForAsync("leaver", s => s.State == ResourceState.Finished);
        var left = int.Parse((await WaitForFileAsync(_folder.File("left"))).Trim());

        await app.Resources().StopResourceAsync("parent", CancellationToken.None);

        await WaitUntilGoneAsync(child);
        await WaitUntilGoneAsync(left);
        await app.StopAsync();
    }

    [Fact]
    public async Task Shutdown_stops_dependents_first_and_leaves_no_process()
    {
        var builder = TestApp.CreateBuilder();
        string Script(string name) => $"trap 'echo {name} >> {_folder.File("order")}; exit 0' TERM; echo trapped; {Forever}";
        var store = builder.AddScript("store", _folder.Path, Script("store"));
        var api = builder.AddScript("api", _folder.Path, Script("api")).WaitFor(store);
        builder.AddScript("web", _folder.Path, Script("web")).WaitFor(api);
        var app = builder.Build();
        var ready = new[] { "store", "api", "web" }.Select(name => WatchForLine(app, name, "trapped")).ToArray();
        await app.StartAsync();
        await Task.WhenAll(ready).WaitAsync(TestApp.Timeout);
        var pids = new List<int>();
        foreach (var name in new[] { "store", "api", "web" })
        {
            pids.Add((await app.Resources().WaitForAsync(name, s => s.State == ResourceState.Running)).ProcessId!.Value);
        }

        await app.StopAsync();
        await app.DisposeAsync();

        Assert.Equal(["web", "api", "store"], await File.ReadAllLinesAsync(_folder.File("order")));
        Assert.All(pids, pid => Assert.False(TestApp.ProcessExists(pid), $"process {pid} is still running"));
    }

    [Fact]
    public async Task Restart_brings_a_crashed_resource_back_with_a_new_process()
    {
        var builder = TestApp.CreateBuilder();
        // Crashes on its first run only: the marker file survives the restart.
        builder.AddScript("flaky", _folder.Path, $"if [ ! -f ran ]; then touch ran; exit 1; fi; {Forever}");
        await using var app = builder.Build();
        await app.StartAsync();
        await app.Resources().WaitForAsync("flaky", s => s.State == ResourceState.Exited);

        await app.Resources().RestartResourceAsync("flaky", CancellationToken.None);
        var back = await app.Resources().WaitForAsync("flaky", s => s.State == ResourceState.Running);

        Assert.Null(back.ExitCode);
        await app.Resources().RestartResourceAsync("flaky", CancellationToken.None);
        var again = await app.Resources().WaitForAsync("flaky", s => s.State == ResourceState.Running);
        Assert.NotEqual(back.ProcessId, again.ProcessId);
        Assert.False(TestApp.ProcessExists(back.ProcessId!.Value));
        await app.StopAsync();
    }

    [Fact]
    public async Task Stopping_a_waiting_resource_cancels_its_wait()
    {
        var builder = TestApp.CreateBuilder();
        var never = builder.AddScript("never", _folder.Path, Forever).WithArgs();
        builder.AddScript("blocked", _folder.Path, Forever).WaitForCompletion(never);
        await using var app = builder.Build();
        await app.StartAsync();
        await app.Resources().WaitForAsync("blocked", s => s.State == ResourceState.Waiting);

        await app.Resources().StopResourceAsync("blocked", CancellationToken.None);

        var blocked = app.Resources().Get("blocked");
        Assert.Equal(ResourceState.NotStarted, blocked.State);
        Assert.Null(blocked.ProcessId);
        await app.StopAsync();
    }

    [Fact]
    public async Task The_snapshot_shows_the_environment_with_secrets_masked()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddScript("env", _folder.Path, "echo \"$API_TOKEN\"; " + Forever)
            .WithEnvironment("API_TOKEN", "s3cr3t-value").WithEnvironment("PLAIN", "visible");
        await using var app = builder.Build();
        var lines = new ConcurrentQueue<ConsoleLogLine>();
        app.Resources().ConsoleLineReceived += lines.Enqueue;
        await app.StartAsync();

        var running = await app.Resources().WaitForAsync("env", s => s.State == ResourceState.Running);
        await WaitUntilAsync(() => lines.Any(l => l.Text == "s3cr3t-value"));

        Assert.Equal(SecretMasker.Mask, running.Environment["API_TOKEN"]);
        Assert.Equal("visible", running.Environment["PLAIN"]);
        Assert.DoesNotContain(running.Environment.Values, v => v.Contains("s3cr3t"));
        await app.StopAsync();
    }

    [Fact]
    public async Task A_missing_program_fails_to_start_with_the_reason()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddExecutable("ghost", "/nonexistent/program", _folder.Path);
        await using var app = builder.Build();
        await app.StartAsync();

        var ghost = await app.Resources().WaitForAsync("ghost", s => s.State is ResourceState.FailedToStart or ResourceState.Exited);

        // setsid reports a missing program with exit code 127 and a line on stderr; without setsid, Process.Start fails.
        Assert.True(ghost.State == ResourceState.FailedToStart || ghost.ExitCode == 127, $"{ghost.State} {ghost.ExitCode}");
        await app.StopAsync();
    }

    [Fact]
    public async Task Handlers_may_read_every_snapshot_while_many_resources_change_at_once()
    {
        var builder = TestApp.CreateBuilder();
        var names = Enumerable.Range(1, 8).Select(i => $"r{i}").ToArray();
        foreach (var name in names) builder.AddScript(name, _folder.Path, Forever);
        await using var app = builder.Build();
        var seen = 0;
        app.Resources().ResourceChanged += _ => Interlocked.Add(ref seen, app.Resources().GetResources().Count);

        await app.StartAsync();
        foreach (var name in names) await app.Resources().WaitForAsync(name, s => s.State == ResourceState.Running);
        await app.StopAsync();

        Assert.All(app.Resources().GetResources(), r => Assert.Equal(ResourceState.Exited, r.State));
        Assert.True(seen >= names.Length * 8 * 3, $"handlers saw {seen} snapshots");
    }

    [Fact]
    public async Task Each_start_is_traced_as_a_span()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "CafeMenu.Hosting",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var builder = TestApp.CreateBuilder();
        builder.AddScript("traced", _folder.Path, Forever);
        await using var app = builder.Build();

        await app.StartAsync();
        await app.Resources().WaitForAsync("traced", s => s.State == ResourceState.Running);
        await WaitUntilAsync(() => spans.Any(s => s.DisplayName == "start traced"));

        var span = spans.First(s => s.DisplayName == "start traced");
        Assert.Equal("traced", span.GetTagItem("resource.name"));
        Assert.Equal(ActivityStatusCode.Ok, span.Status);
        await app.StopAsync();
    }

    /// <summary>Completes when <paramref name="resource"/> writes <paramref name="text"/> (subscribe before starting).</summary>
    private static Task WatchForLine(DistributedApplication app, string resource, string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Resources().ConsoleLineReceived += line =>
        {
            if (line.ResourceName == resource && line.Text == text) seen.TrySetResult();
        };
        return seen.Task;
    }

    private static async Task<string> WaitForFileAsync(string path)
    {
        await WaitUntilAsync(() => File.Exists(path) && new FileInfo(path).Length > 0);
        return await File.ReadAllTextAsync(path);
    }

    private static Task WaitUntilGoneAsync(int pid) => WaitUntilAsync(() => !TestApp.ProcessExists(pid));

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TestApp.Timeout, "condition not reached in time");
            await Task.Delay(50);
        }
    }
}
