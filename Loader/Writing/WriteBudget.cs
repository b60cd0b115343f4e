using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Loader.Writing;

/// <summary>
/// <c>--max-wcu N</c>: a token bucket of write capacity units filled at N per second. A request takes its estimated cost
/// (<see cref="WriteCost"/>) before it is sent and is settled with the units DynamoDB reports once it is answered, so the
/// bucket follows what the load really consumes: a request that cost more than estimated leaves the bucket in debt, which
/// the next requests wait out, and one that cost less gives the difference back.
/// </summary>
/// <remarks>
/// Hand-written: System.Threading.RateLimiting's TokenBucketRateLimiter leases whole permits no larger than its bucket and
/// has no way to charge or refund a cost known only after the request, nor to run on a <see cref="TimeProvider"/>.
/// </remarks>
internal sealed class WriteBudget
{
    /// <summary>The most the bucket holds, in seconds of budget: little, so a pause (retries, a slow answer) is not followed
    /// by a burst that spends far more than N in the next second.</summary>
    public static readonly TimeSpan Burst = TimeSpan.FromMilliseconds(100);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _queue = new(1, 1); // requests wait their turn, first come first served
    private readonly TimeProvider _time;
    private readonly double _capacity;
    private double _balance; // starts empty: the first second spends one second of budget, not two
    private long _refilledAt;
    private double _consumed;
    private double _reported;

    public WriteBudget(int unitsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unitsPerSecond);
        UnitsPerSecond = unitsPerSecond;
        _time = time;
        _capacity = unitsPerSecond * Burst.TotalSeconds;
        _refilledAt = time.GetTimestamp();
    }

    public int UnitsPerSecond { get; }

    /// <summary>Units charged for the requests settled so far: DynamoDB's figures, or the estimate where it gave none.</summary>
    public double Consumed
    {
        get { lock (_gate) return _consumed; }
    }

    /// <summary>Units as DynamoDB's answers reported them; less than <see cref="Consumed"/> only where an answer reported less
    /// than the pricing rules give for the items written, or nothing.</summary>
    public double Reported
    {
        get { lock (_gate) return _reported; }
    }

    /// <summary>
    /// Waits until the bucket holds <paramref name="estimate"/> units (or is full, for a request larger than the bucket),
    /// then takes them. Dispose the charge without settling it and the estimate stays charged.
    /// </summary>
    public async Task<Charge> AcquireAsync(double estimate, CancellationToken cancellationToken)
    {
        await _queue.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                TimeSpan wait;
                lock (_gate)
                {
                    Refill();
                    var needed = Math.Min(estimate, _capacity);
                    if (_balance >= needed - 1e-9)
                    {
                        _balance -= estimate;
                        return new Charge(this, estimate);
                    }

                    var ticks = Math.Ceiling((needed - _balance) / UnitsPerSecond * TimeSpan.TicksPerSecond);
                    wait = TimeSpan.FromTicks((long)Math.Max(1, ticks));
                }

                await Task.Delay(wait, _time, cancellationToken);
            }
        }
        finally
        {
            _queue.Release();
        }
    }

    private void Settle(double estimate, double? reported, double floor)
    {
        // DynamoDB never charges less than its pricing rules give for the items it wrote; an answer that says less is wrong
        // (DynamoDB Local 3.3.1 counts each distinct item size of a TransactWriteItems once), and the budget keeps to the rules.
        var charged = Math.Max(reported ?? 0, floor);
        lock (_gate)
        {
            Refill();
            _balance = Math.Min(_capacity, _balance + estimate - charged);
            _consumed += charged;
            _reported += reported ?? 0;
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _balance = Math.Min(_capacity, _balance + _time.GetElapsedTime(_refilledAt, now).TotalSeconds * UnitsPerSecond);
        _refilledAt = now;
    }

    /// <summary>The units one request took from the bucket, until DynamoDB's answer says what it cost.</summary>
    internal sealed class Charge(WriteBudget budget, double estimate) : IDisposable
    {
        private bool _settled;

        public double Estimate => estimate;

        /// <summary>
        /// Settles with the units DynamoDB reported; <paramref name="floor"/> is what the items it wrote cost by the pricing
        /// rules (the estimate less the items it left unprocessed, which are not charged).
        /// </summary>
        public void Settle(List<ConsumedCapacity>? reported, double floor)
        {
            if (_settled) return;
            _settled = true;
            budget.Settle(estimate, WriteCost.Reported(reported), floor);
        }

        /// <summary>
        /// A request that got no answer with a cost keeps its estimate: a cancelled transaction reports none though AWS
        /// charges it, a lost answer may have been applied, and a throttled request slowing the budget is what throttling asks.
        /// </summary>
        public void Dispose()
        {
            if (_settled) return;
            _settled = true;
            budget.Settle(estimate, null, estimate);
        }
    }
}
