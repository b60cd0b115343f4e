using CafeMenu.Loader.Writing;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// The auto concurrency against two simulated DynamoDBs: one that saturates (latency grows with requests in flight past
/// its capacity, as DynamoDB Local on a few cores) and one that scales (flat latency, as DynamoDB on AWS).
/// </summary>
public class AdaptiveConcurrencyTests
{
    private const int Initial = 4;
    private const int Max = 64;

    [Fact]
    public void Against_a_DynamoDB_that_serves_6_requests_at_once_the_limit_settles_just_past_6_not_at_the_maximum()
    {
        var limiter = new AdaptiveConcurrency(fixedLimit: null, Initial, Max, TimeProvider.System);
        var limits = Drive(limiter, rounds: 200, limit => TimeSpan.FromMilliseconds(10 * Math.Max(1.0, limit / 6.0)));

        var settled = limits.Skip(100).ToList();
        Assert.InRange(settled.Min(), 6, 6 + (int)AdaptiveConcurrency.QueueHigh + 1);
        Assert.InRange(settled.Max(), 6, 6 + (int)AdaptiveConcurrency.QueueHigh + 1);
    }

    [Fact]
    public void Against_a_DynamoDB_whose_latency_stays_flat_the_limit_climbs_to_the_maximum()
    {
        var limiter = new AdaptiveConcurrency(fixedLimit: null, Initial, Max, TimeProvider.System);
        var limits = Drive(limiter, rounds: 100, _ => TimeSpan.FromMilliseconds(10));

        Assert.Equal(Max, limits[^1]);
    }

    [Fact]
    public void Congestion_halves_the_limit_and_a_fixed_limit_never_moves()
    {
        var adaptive = new AdaptiveConcurrency(fixedLimit: null, Initial, Max, TimeProvider.System);
        Drive(adaptive, rounds: 100, _ => TimeSpan.FromMilliseconds(10));
        adaptive.OnCongestion();
        Assert.Equal(Max / 2, adaptive.Limit);

        var fixedLimit = new AdaptiveConcurrency(fixedLimit: 8, Initial, Max, TimeProvider.System);
        Drive(fixedLimit, rounds: 50, _ => TimeSpan.FromMilliseconds(10));
        fixedLimit.OnCongestion();
        Assert.Equal(8, fixedLimit.Limit);
    }

    /// <summary>Feeds one round of successes per step, each with the latency the simulated DynamoDB has at the current limit.</summary>
    private static List<int> Drive(AdaptiveConcurrency limiter, int rounds, Func<int, TimeSpan> latencyAt)
    {
        var limits = new List<int>();
        for (var round = 0; round < rounds; round++)
        {
            var limit = limiter.Limit;
            for (var request = 0; request < limit; request++) limiter.OnSuccess(latencyAt(limit));
            limits.Add(limiter.Limit);
        }

        return limits;
    }
}
