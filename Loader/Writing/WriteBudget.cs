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
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly double _capacity;

    /// <summary>
    /// Seconds from the start at which the bucket is empty: its balance at time t is (t - this) x rate, at most the capacity.
    /// Each request moves it on by its cost, so every waiter knows its own moment at once and sleeps on its own timer; a
    /// queue that woke waiters one after another went through the thread pool for each, and on two cores busy with
    /// DynamoDB Local that hand-off, not the budget, set the pace (a 2,744 WCU/s budget wrote 1,670 to 2,270 items/s
    /// that way, 2,680 to 2,740 this way: docs/benchmarks.md).
    /// </summary>
    private double _emptyAt; // 0: the bucket starts empty, so the first second spends one second of budget, not two
    private double _consumed;
    private double _reported;

    public WriteBudget(int unitsPerSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unitsPerSecond);
        UnitsPerSecond = unitsPerSecond;
        _time = time;
        _origin = time.GetTimestamp();
        _capacity = unitsPerSecond * Burst.TotalSeconds;
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
    /// then takes them; requests are served in the order they ask. Dispose the charge without settling it and the estimate
    /// stays charged.
    /// </summary>
    public async Task<Charge> AcquireAsync(double estimate, CancellationToken cancellationToken)
    {
        double wait;
        lock (_gate)
        {
            var now = Now();
            var emptyAt = Math.Max(_emptyAt, now - _capacity / UnitsPerSecond); // a full bucket holds no more
            wait = emptyAt + Math.Min(estimate, _capacity) / UnitsPerSecond - now;
            _emptyAt = emptyAt + estimate / UnitsPerSecond;
        }

        if (wait > 0)
        {
            try
            {
                await Task.Delay(TimeSpan.FromTicks((long)Math.Ceiling(wait * TimeSpan.TicksPerSecond)), _time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                lock (_gate) _emptyAt -= estimate / UnitsPerSecond; // never sent: the units go back
                throw;
            }
        }

        return new Charge(this, estimate);
    }

    private void Settle(double estimate, double? reported, double floor)
    {
        // DynamoDB never charges less than its pricing rules give for the items it wrote; an answer that says less is wrong
        // (DynamoDB Local 3.3.1 counts each distinct item size of a TransactWriteItems once), and the budget keeps to the rules.
        var charged = Math.Max(reported ?? 0, floor);
        lock (_gate)
        {
            _emptyAt += (charged - estimate) / UnitsPerSecond;
            _consumed += charged;
            _reported += reported ?? 0;
        }
    }

    private double Now() => _time.GetElapsedTime(_origin).TotalSeconds;

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
