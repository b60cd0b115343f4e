using CafeMenu.Hosting;
using Microsoft.Extensions.Options;

namespace CafeMenu.Dashboard.Telemetry;

/// <summary>
/// The dashboard's in-memory telemetry: bounded per signal, oldest data dropped first and counted.
/// Writers are the OTLP receivers and the orchestrator's console events; readers are the pages, which get copies.
/// </summary>
internal sealed class TelemetryStore(IOptions<TelemetryLimits> limits)
{
    private readonly TelemetryLimits _limits = limits.Value;
    private readonly Lock _lock = new();
    private readonly BoundedBuffer<LogEntry> _logs = new(limits.Value.MaxLogRecords);
    private readonly Dictionary<string, TraceEntry> _traces = new(StringComparer.Ordinal);
    private readonly Queue<string> _traceOrder = new();
    private readonly Dictionary<InstrumentKey, Instrument> _instruments = [];
    private readonly Queue<MetricSeries> _pointOrder = new(); // one entry per stored point, oldest first
    private readonly Dictionary<string, BoundedBuffer<ConsoleLogLine>> _console = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resources = new(StringComparer.Ordinal);
    private long _logSequence;
    private long _traceSequence;
    private long _droppedTraces;
    private long _droppedPoints;
    private event Action<TelemetrySignal>? Changed;

    public TelemetryLimits Limits => _limits;

    /// <summary>Calls <paramref name="handler"/> after each change until the subscription is disposed.</summary>
    public IDisposable Subscribe(Action<TelemetrySignal> handler)
    {
        Changed += handler;
        return new Subscription(() => Changed -= handler);
    }

    public void AddLogs(IEnumerable<LogEntry> entries)
    {
        lock (_lock)
        {
            foreach (var entry in entries)
            {
                _logs.Add(entry with { Sequence = ++_logSequence }, out _);
                _resources.Add(entry.Resource);
            }
        }

        Changed?.Invoke(TelemetrySignal.Logs);
    }

    public void AddSpans(IEnumerable<SpanEntry> spans)
    {
        lock (_lock)
        {
            foreach (var span in spans)
            {
                _resources.Add(span.Resource);
                if (!_traces.TryGetValue(span.TraceId, out var trace))
                {
                    trace = new TraceEntry(span.TraceId, ++_traceSequence);
                    _traces[span.TraceId] = trace;
                    _traceOrder.Enqueue(span.TraceId);
                    while (_traces.Count > _limits.MaxTraces)
                    {
                        _traces.Remove(_traceOrder.Dequeue());
                        _droppedTraces++;
                    }
                }

                trace.Add(span);
            }
        }

        Changed?.Invoke(TelemetrySignal.Traces);
    }

    public void AddMetricPoints(Instrument template, IEnumerable<(IReadOnlyList<Attribute> Attributes, MetricPoint Point)> points)
    {
        lock (_lock)
        {
            _resources.Add(template.Key.Resource);
            if (!_instruments.TryGetValue(template.Key, out var instrument))
            {
                instrument = new Instrument(template.Key, template.Kind, template.Description, template.Unit);
                _instruments[template.Key] = instrument;
            }

            foreach (var (attributes, point) in points)
            {
                var seriesKey = string.Join(", ", attributes.Select(a => $"{a.Key}={a.Value}"));
                if (!instrument.Series.TryGetValue(seriesKey, out var series))
                {
                    series = new MetricSeries(attributes);
                    instrument.Series[seriesKey] = series;
                }

                series.Points.AddLast(point);
                _pointOrder.Enqueue(series);
                // Points enter each series in the global order, so the globally oldest point is its series' first.
                while (_pointOrder.Count > _limits.MaxMetricPoints)
                {
                    _pointOrder.Dequeue().Points.RemoveFirst();
                    _droppedPoints++;
                }
            }
        }

        Changed?.Invoke(TelemetrySignal.Metrics);
    }

    public void AddConsoleLine(ConsoleLogLine line)
    {
        lock (_lock)
        {
            if (!_console.TryGetValue(line.ResourceName, out var buffer))
            {
                buffer = new BoundedBuffer<ConsoleLogLine>(_limits.MaxConsoleLinesPerResource);
                _console[line.ResourceName] = buffer;
            }

            buffer.Add(line, out _);
        }

        Changed?.Invoke(TelemetrySignal.Console);
    }

    public List<LogEntry> GetLogs()
    {
        lock (_lock) return _logs.ToList();
    }

    /// <summary>Traces, newest first.</summary>
    public List<TraceEntry> GetTraces()
    {
        // By start time, not arrival: batched exports from several services arrive out of order.
        lock (_lock) return _traces.Values.OrderByDescending(t => t.Start).ThenByDescending(t => t.Sequence).Select(t => t.Copy()).ToList();
    }

    public TraceEntry? GetTrace(string traceId)
    {
        lock (_lock) return _traces.TryGetValue(traceId, out var trace) ? trace.Copy() : null;
    }

    public List<SpanEntry> GetSpans(Func<SpanEntry, bool> predicate)
    {
        lock (_lock) return _traces.Values.SelectMany(t => t.Spans).Where(predicate).ToList();
    }

    public List<InstrumentSummary> GetInstruments(string resource)
    {
        lock (_lock)
        {
            return _instruments.Values
                .Where(i => i.Key.Resource == resource)
                .OrderBy(i => i.Key.Scope, StringComparer.Ordinal).ThenBy(i => i.Key.Name, StringComparer.Ordinal)
                .Select(i => new InstrumentSummary(i.Key, i.Kind, i.Description, i.Unit, i.Series.Count))
                .ToList();
        }
    }

    public List<SeriesSnapshot> GetSeries(InstrumentKey key)
    {
        lock (_lock)
        {
            return _instruments.TryGetValue(key, out var instrument)
                ? instrument.Series.Values.Select(s => new SeriesSnapshot(s.Attributes, s.Points.ToList())).ToList()
                : [];
        }
    }

    public List<ConsoleLogLine> GetConsoleLines(string resource)
    {
        lock (_lock) return _console.TryGetValue(resource, out var buffer) ? buffer.ToList() : [];
    }

    public long GetDroppedConsoleLines(string resource)
    {
        lock (_lock) return _console.TryGetValue(resource, out var buffer) ? buffer.Dropped : 0;
    }

    /// <summary>Resources that sent telemetry (by service.name).</summary>
    public List<string> GetTelemetryResources()
    {
        lock (_lock) return _resources.Order(StringComparer.Ordinal).ToList();
    }

    public DroppedCounts GetDropped()
    {
        lock (_lock) return new DroppedCounts(_logs.Dropped, _droppedTraces, _droppedPoints, _console.Values.Sum(b => b.Dropped));
    }

    public int TraceCount
    {
        get { lock (_lock) return _traces.Count; }
    }

    public int MetricPointCount
    {
        get { lock (_lock) return _pointOrder.Count; }
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
