// Linked into each raw-side bench client (bench/load/Ceiling, bench/orders/Ceiling): what they share around their own calls.
using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace CafeMenu.Bench;

internal static class CeilingBench
{
    /// <summary>A client of DynamoDB Local at <paramref name="endpoint"/>, with the fixed local credentials.</summary>
    public static AmazonDynamoDBClient Client(string endpoint) => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" });

    /// <summary>DynamoDB Local's JVM takes seconds to listen, more on a busy machine: waits up to 3 minutes for it to answer.</summary>
    public static async Task WaitForDynamoDbAsync(IAmazonDynamoDB client)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await client.ListTablesAsync();
                return;
            }
            catch (Exception e) when (e is AmazonServiceException or HttpRequestException && waited.Elapsed < TimeSpan.FromMinutes(3))
            {
                await Task.Delay(300);
            }
        }
    }

    /// <summary>N workers, each one call after the other until the time is up; the latency of every call that succeeded, in ms.</summary>
    public static async Task<(List<double> Latencies, int Errors)> MeasureAsync(Func<Task> call, int workers, TimeSpan duration)
    {
        using var stop = new CancellationTokenSource(duration);
        var errors = 0;
        var latencies = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var mine = new List<double>();
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call();
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (AmazonServiceException e)
                {
                    if (Interlocked.Increment(ref errors) == 1) Console.Error.WriteLine($"first error: {e.GetType().Name}: {e.Message}");
                }
            }

            return mine;
        })));
        return ([.. latencies.SelectMany(l => l)], errors);
    }

    /// <summary>The nearest-rank percentile <paramref name="p"/> (0 to 1) of latencies sorted ascending; NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
