using System.Collections.Concurrent;

namespace CafeMenu.Hosting;

/// <summary>
/// What the AppHost's console shows: every resource's output prefixed with its name, each state change with the URLs,
/// and for a resource that fails, its exit code and last output lines.
/// </summary>
internal sealed class ConsoleReporter : IDisposable
{
    public const string Prefix = "[apphost]";

    private readonly IResourceService _resources;
    private readonly TextWriter _out;
    private readonly int _failureLines;
    private readonly int _nameWidth;
    private readonly ConcurrentDictionary<string, Queue<string>> _lastLines = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, ResourceSnapshot> _shown = new(StringComparer.OrdinalIgnoreCase);

    public ConsoleReporter(IResourceService resources, TextWriter output, int failureLines)
    {
        _resources = resources;
        _out = TextWriter.Synchronized(output);
        _failureLines = failureLines;
        _nameWidth = resources.GetResources().Select(r => r.Name.Length).DefaultIfEmpty(0).Max();
        resources.ResourceChanged += OnChanged;
        resources.ConsoleLineReceived += OnLine;
    }

    public void WriteLine(string text) => _out.WriteLine($"{Prefix} {text}");

    public void Dispose()
    {
        _resources.ResourceChanged -= OnChanged;
        _resources.ConsoleLineReceived -= OnLine;
    }

    /// <summary>"api: Running (Healthy) http://127.0.0.1:5123" and the like.</summary>
    internal static string Describe(ResourceSnapshot s)
    {
        var text = $"{s.Name}: {s.State}";
        if (s.State == ResourceState.Running) text += $" ({s.Health})";
        if (s.ExitCode is { } code && s.State is ResourceState.Exited or ResourceState.Finished) text += $" with code {code}";
        if (s.StateReason is { } reason) text += $" - {reason}";
        if (s.State == ResourceState.Running && s.Health == ResourceHealth.Healthy && s.Endpoints.Count > 0)
        {
            text += " " + string.Join(' ', s.Endpoints.Select(e => e.Url));
        }

        return text;
    }

    private void OnChanged(ResourceSnapshot snapshot)
    {
        var previous = _shown.GetValueOrDefault(snapshot.Name);
        if (previous is not null && previous.State == snapshot.State && previous.Health == snapshot.Health
            && previous.StateReason == snapshot.StateReason)
        {
            return;
        }

        _shown[snapshot.Name] = snapshot;
        WriteLine(Describe(snapshot));
        if (snapshot is { State: ResourceState.Exited, ExitCode: not 0, StateReason: null })
        {
            var lines = LastLines(snapshot.Name);
            WriteLine(lines.Length == 0 ? $"{snapshot.Name} wrote no output." : $"{snapshot.Name}'s last output:");
            foreach (var line in lines) WriteLine($"  {snapshot.Name} | {line}");
        }
    }

    private void OnLine(ConsoleLogLine line)
    {
        var queue = _lastLines.GetOrAdd(line.ResourceName, _ => new Queue<string>());
        lock (queue)
        {
            queue.Enqueue(line.Text);
            while (queue.Count > _failureLines) queue.Dequeue();
        }

        _out.WriteLine($"{line.ResourceName.PadRight(_nameWidth)} | {line.Text}");
    }

    private string[] LastLines(string name)
    {
        if (!_lastLines.TryGetValue(name, out var queue)) return [];
        lock (queue) return [.. queue];
    }
}
