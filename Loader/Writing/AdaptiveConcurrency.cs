namespace CafeMenu.Loader.Writing;

/// <summary>
/// How many write requests may be in flight. Fixed with <c>--concurrency N</c>; with <c>auto</c> it adapts like TCP congestion
/// control: halves on throttling, doubles per round of requests at first (slow start), then grows by one per round of requests while their latency stays near the best seen, shrinks by
/// one when latency doubles.
/// </summary>
/// <remarks>Hand-written: System.Threading.RateLimiting's and Polly's concurrency limiters have a fixed permit count.</remarks>
internal sealed class AdaptiveConcurrency
{
    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource> _waiters = new();
    private readonly bool _adaptive;
    private readonly int _max;
    private readonly TimeProvider _time;
    private int _inFlight;
    private int _limit;
    private double _windowLatencySum;
    private int _windowCount;
    private double? _bestLatency;
    private long _lastDecrease;
    private bool _slowStart = true;

    public AdaptiveConcurrency(int? fixedLimit, int initial, int max, TimeProvider time)
    {
        _adaptive = fixedLimit is null;
        _limit = fixedLimit ?? initial;
        _max = fixedLimit ?? max;
        _time = time;
        Peak = _limit;
        LoaderTelemetry.ReportConcurrency(_limit);
    }

    public int Limit
    {
        get { lock (_gate) return _limit; }
    }

    public int Peak { get; private set; }

    public async Task AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_inFlight < _limit)
            {
                _inFlight++;
                return;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Enqueue(waiter);
        }

        await using (cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken)))
        {
            await waiter.Task;
        }
    }

    public void Release()
    {
        lock (_gate)
        {
            _inFlight--;
            WakeWaiters();
        }
    }

    /// <summary>A request came back without throttling in <paramref name="latency"/>.</summary>
    public void OnSuccess(TimeSpan latency)
    {
        if (!_adaptive) return;
        lock (_gate)
        {
            _windowLatencySum += latency.TotalMilliseconds;
            if (++_windowCount < _limit) return;

            var average = _windowLatencySum / _windowCount;
            _windowLatencySum = 0;
            _windowCount = 0;
            // The best latency drifts up slowly so one lucky round does not pin it forever.
            _bestLatency = _bestLatency is { } best ? Math.Min(average, best * 1.02) : average;
            // Slow start doubles until latency first rises (as TCP does), then the limit moves one step at a time.
            if (average <= _bestLatency * 1.3 && _limit < _max) _limit = _slowStart ? Math.Min(_max, _limit * 2) : _limit + 1;
            else
            {
                _slowStart = false;
                if (average > _bestLatency * 2 && _limit > 1) _limit--;
            }
            Changed();
        }
    }

    /// <summary>DynamoDB said slow down (a throttling error or unprocessed items): halve, at most once per 100 ms.</summary>
    public void OnThrottle()
    {
        if (!_adaptive) return;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            if (_time.GetElapsedTime(_lastDecrease, now) < TimeSpan.FromMilliseconds(100)) return;
            _lastDecrease = now;
            _slowStart = false;
            _limit = Math.Max(1, _limit / 2);
            _windowLatencySum = 0;
            _windowCount = 0;
            Changed();
        }
    }

    private void Changed()
    {
        Peak = Math.Max(Peak, _limit);
        LoaderTelemetry.ReportConcurrency(_limit);
        WakeWaiters();
    }

    private void WakeWaiters()
    {
        while (_inFlight < _limit && _waiters.TryDequeue(out var next))
        {
            if (next.TrySetResult()) _inFlight++;
        }
    }
}
