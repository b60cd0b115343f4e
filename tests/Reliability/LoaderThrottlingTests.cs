using CafeMenu.Loader.Tests;
using CafeMenu.TestSupport;

namespace CafeMenu.Reliability;

/// <summary>Issue 8: throttling injected on a third of the calls (at least the 30% asked), and every item still arrives.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class LoaderThrottlingTests(DynamoDbLocalFixture dynamo)
{
    private const int Items = 2000;

    [Theory]
    [InlineData("upsert")]
    [InlineData("insert-only")]
    public async Task Every_item_arrives_when_a_third_of_the_calls_are_throttled(string mode)
    {
        var table = DynamoDbLocalFixture.UniqueTableName("throttle");
        var lines = Enumerable.Range(0, Items).Select(i => $"{{\"product_name\":\"item {i:D5}\",\"price\":{i}.25}}");
        var file = LoaderRun.TempFile("t.ndjson", string.Join("\n", lines) + "\n");
        using var client = dynamo.CreateClient();
        await Menu.TableSetup.EnsureMenuTableAsync(client, table);
        await using var proxy = new FaultInjectingProxy(dynamo.ServiceUrl, FreePort.Next(), throttleEvery: 3, unprocessedShare: 0);
        var retry = new Dictionary<string, string?> { ["Loader:Retry:BaseDelay"] = "00:00:00.005", ["Loader:Retry:MaxDelay"] = "00:00:00.100" };

        var run = await LoaderRun.RunAsync(proxy.Url, retry, "load", file, "--table", table, "--mode", mode, "--progress", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(proxy.Throttled > 0, "no call was throttled");
        var scanned = await LoaderRun.ScanAllAsync(client, table);
        Assert.Equal(Enumerable.Range(0, Items).Select(i => $"item {i:D5}"), scanned.Select(i => i["product_name"].S).Order());
        Assert.All(scanned, item => Assert.EndsWith(".25", item["price"].N));
    }
}
