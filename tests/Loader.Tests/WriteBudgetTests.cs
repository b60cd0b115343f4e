using Amazon.DynamoDBv2.Model;
using CafeMenu.Loader.Writing;
using Microsoft.Extensions.Time.Testing;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// The --max-wcu token bucket on a fake clock: requests wait for their estimate, are settled with what DynamoDB reports,
/// and over time are granted the budget's rate. Also the cost rule it estimates with.
/// </summary>
/// <remarks>
/// Each scenario runs inside Task.Run, away from xunit's synchronisation context: the bucket's wake-up then runs inside the
/// fake clock's Advance, so a wait is measured to the step of the clock.
/// </remarks>
public class WriteBudgetTests
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    [Fact]
    public Task A_request_waits_until_the_bucket_has_filled_to_its_estimate() => Task.Run(async () =>
    {
        var time = new FakeTimeProvider();
        var budget = new WriteBudget(100, time); // 10 units fit the bucket (0.1 s of budget)

        var (charge, waited) = await AcquireAsync(budget, time, 10);

        Assert.Equal(TimeSpan.FromMilliseconds(100), waited);
        charge.Settle(Reported(10), floor: 10);
        Assert.Equal(10, budget.Consumed);
    });

    [Fact]
    public Task A_request_larger_than_the_bucket_goes_once_it_is_full_and_the_next_one_waits_out_the_debt() => Task.Run(async () =>
    {
        var time = new FakeTimeProvider();
        var budget = new WriteBudget(100, time);

        var (first, firstWaited) = await AcquireAsync(budget, time, 200); // a transaction of 100 small items
        first.Settle(Reported(200), floor: 200);
        var (_, secondWaited) = await AcquireAsync(budget, time, 10);

        Assert.Equal(TimeSpan.FromMilliseconds(100), firstWaited); // the bucket full
        Assert.Equal(TimeSpan.FromMilliseconds(2000), secondWaited); // 190 units of debt and its own 10, at 100 a second
    });

    [Fact]
    public Task A_request_that_cost_more_than_estimated_delays_the_next_one_by_the_difference() => Task.Run(async () =>
    {
        var time = new FakeTimeProvider();
        var budget = new WriteBudget(100, time);

        var (first, _) = await AcquireAsync(budget, time, 10);
        first.Settle(Reported(40), floor: 10); // replaced a larger item: DynamoDB charged 40
        var (_, waited) = await AcquireAsync(budget, time, 10);

        Assert.Equal(TimeSpan.FromMilliseconds(400), waited);
        Assert.Equal(40, budget.Consumed);
        Assert.Equal(40, budget.Reported);
    });

    [Fact]
    public Task A_request_that_cost_less_than_estimated_gives_the_difference_back() => Task.Run(async () =>
    {
        var time = new FakeTimeProvider();
        var budget = new WriteBudget(100, time);

        var (first, _) = await AcquireAsync(budget, time, 50);
        first.Settle(Reported(10), floor: 10); // 20 of 25 items left unprocessed, say: they are not charged
        var (_, waited) = await AcquireAsync(budget, time, 10);

        Assert.Equal(TimeSpan.FromMilliseconds(100), waited); // not the 500 ms the full estimate would have cost
        Assert.Equal(10, budget.Consumed);
    });

    [Fact]
    public Task An_answer_below_the_pricing_rules_is_charged_by_the_rules_and_both_figures_are_kept() => Task.Run(async () =>
    {
        var time = new FakeTimeProvider();
        var budget = new WriteBudget(1000, time);

        // DynamoDB Local 3.3.1 answers a TransactWriteItems of 100 items of under 1 KB with 2 units, not 200.
        var (charge, _) = await AcquireAsync(budget, time, 200);
        charge.Settle(Reported(2), floor: 200);

        Assert.Equal(200, budget.Consumed);
        Assert.Equal(2, budget.Reported);
    });

    [Fact]
    public Task A_request_without_an_answer_keeps_its_estimate_and_a_cancelled_wait_costs_nothing() => Task.Run(async () =>
    {
        var time = new FakeTimeProvider();
        var budget = new WriteBudget(100, time);

        var (unanswered, _) = await AcquireAsync(budget, time, 30);
        unanswered.Dispose(); // a cancelled transaction, a lost answer: nothing reported
        using var cancel = new CancellationTokenSource();
        var waiting = budget.AcquireAsync(10, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal(30, budget.Consumed);
        Assert.Equal(0, budget.Reported);
    });

    [Fact]
    public Task Over_a_simulated_minute_batches_are_granted_the_budgets_rate() => Task.Run(async () =>
    {
        var time = new FakeTimeProvider();
        var budget = new WriteBudget(500, time);
        var minute = time.GetUtcNow() + TimeSpan.FromMinutes(1);
        var perSecond = new Dictionary<long, double>();
        var start = time.GetUtcNow();

        while (time.GetUtcNow() < minute)
        {
            var (charge, _) = await AcquireAsync(budget, time, 25); // batches of 25 items under 1 KB
            charge.Settle(Reported(25), floor: 25);
            var second = (long)(time.GetUtcNow() - start).TotalSeconds;
            perSecond[second] = perSecond.GetValueOrDefault(second) + 25;
        }

        Assert.InRange(budget.Consumed, 60 * 500 - 25, 60 * 500 + 25);
        Assert.All(perSecond.Where(s => s.Key < 60), s => Assert.InRange(s.Value, 500 - 25, 500 + 25));
    });

    [Fact]
    public void A_put_costs_one_unit_per_started_KB_and_twice_that_in_a_transaction()
    {
        // ItemSize: the name "d" is 1 byte, the string its UTF-8 bytes.
        var exactlyOneKb = new Dictionary<string, AttributeValue> { ["d"] = new() { S = new string('x', 1023) } };
        var oneByteMore = new Dictionary<string, AttributeValue> { ["d"] = new() { S = new string('x', 1024) } };
        var tiny = new Dictionary<string, AttributeValue> { ["d"] = new() { S = "x" } };

        Assert.Equal(1, WriteCost.Of(exactlyOneKb));
        Assert.Equal(2, WriteCost.Of(oneByteMore));
        Assert.Equal(1, WriteCost.Of(tiny));
        Assert.Equal(4, WriteCost.Of([exactlyOneKb, oneByteMore, tiny], transactional: false));
        Assert.Equal(8, WriteCost.Of([exactlyOneKb, oneByteMore, tiny], transactional: true));
    }

    [Fact]
    public void Reported_capacity_is_the_sum_of_the_answers_entries_or_null_when_there_is_none()
    {
        Assert.Equal(7, WriteCost.Reported([new ConsumedCapacity { CapacityUnits = 3 }, new ConsumedCapacity { CapacityUnits = 4 }]));
        Assert.Null(WriteCost.Reported(null));
        Assert.Null(WriteCost.Reported([]));
        Assert.Null(WriteCost.Reported([new ConsumedCapacity { TableName = "t" }]));
    }

    /// <summary>Acquires, advancing the fake clock one step at a time until the bucket grants it; returns how long that took.</summary>
    private static async Task<(WriteBudget.Charge Charge, TimeSpan Waited)> AcquireAsync(WriteBudget budget, FakeTimeProvider time, double estimate)
    {
        var started = time.GetUtcNow();
        var acquiring = budget.AcquireAsync(estimate, CancellationToken.None);
        for (var steps = 0; !acquiring.IsCompleted && steps < 1_000_000; steps++) time.Advance(Step);
        return (await acquiring, time.GetUtcNow() - started);
    }

    private static List<ConsumedCapacity> Reported(double units) => [new ConsumedCapacity { TableName = "t", CapacityUnits = units }];
}
