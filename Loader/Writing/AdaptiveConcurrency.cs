namespace CafeMenu.Loader.Writing;

/// <summary>
/// How many write requests may be in flight. Fixed with <c>--concurrency N</c>; with <c>auto</c> it adapts like TCP Vegas.
/// Each round of requests, the average latency is compared with the lowest seen (a request's cost with nothing queued):
/// <c>limit × (1 − lowest / average)</c> estimates how many requests wait in DynamoDB's queue instead of being served.
/// The limit doubles per round at first (slow start) until a queue forms, then rises by one while fewer than
/// <see cref="QueueLow"/> wait and falls by one when more than <see cref="QueueHigh"/> wait; throttling and timeouts halve it.
/// A DynamoDB that scales (AWS) keeps latency flat, so the limit climbs until it throttles; one that does not (DynamoDB
/// Local on a few cores) is held just past its saturation point, where more requests would only queue.
/// </summary>
internal sealed class AdaptiveConcurrency
{
    /// <summary>Requests queued in DynamoDB below which the limit grows.</summary>
    public const double QueueLow = 3;

    /// <summary>Requests queued in DynamoDB above which the limit shrinks.</summary>
    public const double QueueHigh = 6;

    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource> _waiters = new();
    private readonly bool _adaptive;
    private readonly int _max;
    private readonly TimeProvider _time;
    private int _inFlight;
    private int _limit;
    private double _windowLatencySum;
    private int _windowCount;
    private double? _lowestLatency;
    private long _lastDecrease;
    private bool _slowStart = true;

    /// <summary>Rounds ignored at the initial limit: the first requests pay for JIT compilation and connection set-up, and a
    /// lowest latency learnt from them would hide the queue later.</summary>
    private int _warmUpRoundsLeft = 2;

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
            if (_warmUpRoundsLeft > 0)
            {
                _warmUpRoundsLeft--;
                return;
            }

            var lowest = _lowestLatency = Math.Min(average, _lowestLatency ?? average);
            var queued = _limit * (1 - lowest / average);
            if (_slowStart && queued < QueueLow) _limit = Math.Min(_max, _limit * 2);
            else
            {
                _slowStart = false;
                if (queued < QueueLow) _limit = Math.Min(_max, _limit + 1);
                else if (queued > QueueHigh && _limit > 1) _limit--;
            }

            Changed();
        }
    }

    /// <summary>DynamoDB said slow down (throttling, unprocessed items, a timeout): halve, at most once per 100 ms.</summary>
    public void OnCongestion()
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
