using System.Text.Json;
using CafeMenu.TestSupport;

namespace CafeMenu.Loader.Tests;

/// <summary>DynamoDB that throttles and leaves items unprocessed: every item must still arrive, checked by a full scan.</summary>
[Collection(DynamoCollection.Name)]
public class FaultInjectionTests(DynamoDbLocalFixture dynamo)
{
    private const int Items = 1000;

    [Theory]
    [InlineData("upsert")]
    [InlineData("insert-only")]
    public async Task Every_item_arrives_through_throttling_and_unprocessed_items(string mode)
    {
        var table = DynamoDbLocalFixture.UniqueTableName("fault");
        var lines = Enumerable.Range(0, Items).Select(i => $"{{\"product_name\":\"item {i:D5}\",\"price\":{i}.25,\"description\":\"{new string('d', 200)}\"}}");
        var file = LoaderRun.TempFile("f.ndjson", string.Join("\n", lines) + "\n");
        var report = Path.Combine(Path.GetDirectoryName(file)!, "report.json");
        // Create the table directly so that every call through the proxy is part of the load.
        using var client = dynamo.CreateClient();
        await Menu.TableSetup.EnsureMenuTableAsync(client, table);
        await using var proxy = new FaultInjectingProxy(dynamo.ServiceUrl, FreePort.Next(), throttleEvery: 4, unprocessedShare: 0.4);

        // Short back-off keeps the test quick; the schedule's shape (exponential, jitter, cap) is the production one.
        var retry = new Dictionary<string, string?> { ["Loader:Retry:BaseDelay"] = "00:00:00.005", ["Loader:Retry:MaxDelay"] = "00:00:00.100" };
        var run = await LoaderRun.RunAsync(proxy.Url, retry, "load", file, "--table", table, "--mode", mode, "--report", report, "--progress", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(proxy.Throttled > 0);
        if (mode == "upsert") Assert.True(proxy.ItemsReturnedUnprocessed > Items / 4, $"{proxy.ItemsReturnedUnprocessed} items returned unprocessed");
        var scanned = await LoaderRun.ScanAllAsync(client, table);
        Assert.Equal(Enumerable.Range(0, Items).Select(i => $"item {i:D5}"), scanned.Select(i => i["product_name"].S).Order());
        Assert.All(scanned, item => Assert.EndsWith(".25", item["price"].N));
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal(Items, root.GetProperty("written").GetInt32());
        Assert.Equal(0, root.GetProperty("failed").GetInt32());
        // The Loader itself saw and retried every injected throttle (the SDK's own retries are off).
        Assert.True(root.GetProperty("throttles").GetInt32() >= proxy.Throttled, $"{root.GetProperty("throttles")} throttles seen, {proxy.Throttled} injected");
    }

    [Fact]
    public async Task An_export_asks_again_for_a_page_that_failed_and_writes_every_item()
    {
        var table = DynamoDbLocalFixture.UniqueTableName("fault");
        var lines = Enumerable.Range(0, 3_000).Select(i => $"{{\"product_name\":\"item {i:D5}\",\"price\":{i}.25,\"description\":\"{new string('d', 600)}\"}}");
        var file = LoaderRun.TempFile("e.ndjson", string.Join("\n", lines) + "\n");
        var load = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--progress", "none");
        Assert.True(load.ExitCode == 0, load.ToString());
        await using var proxy = FaultInjectingProxy.PassingThrough(dynamo.ServiceUrl);
        proxy.FailScansEvery = 2; // the first request for every page fails (about 2 MB: two or three pages of 1 MB)
        var output = Path.Combine(Path.GetDirectoryName(file)!, "export.ndjson");

        var retry = new Dictionary<string, string?> { ["Loader:Retry:BaseDelay"] = "00:00:00.005", ["Loader:Retry:MaxDelay"] = "00:00:00.100" };
        var export = await LoaderRun.RunAsync(proxy.Url, retry, "export", "--table", table, "--out", output);

        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.True(proxy.ScansFailed >= 2, $"{proxy.ScansFailed} scans failed");
        var exported = File.ReadAllLines(output).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Item").GetProperty("product_name").GetProperty("S").GetString());
        Assert.Equal(Enumerable.Range(0, 3_000).Select(i => $"item {i:D5}"), exported.Order());
    }

    [Fact]
    public async Task An_export_whose_pages_keep_failing_gives_up_after_the_retry_limit_instead_of_asking_forever()
    {
        var table = DynamoDbLocalFixture.UniqueTableName("fault");
        var file = LoaderRun.TempFile("g.ndjson", "{\"product_name\":\"item 00001\",\"price\":2.25}\n");
        var load = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--progress", "none");
        Assert.True(load.ExitCode == 0, load.ToString());
        await using var proxy = FaultInjectingProxy.PassingThrough(dynamo.ServiceUrl);
        proxy.FailScansEvery = 1; // every Scan is answered 500
        var output = Path.Combine(Path.GetDirectoryName(file)!, "export-failing.ndjson");
        var retry = new Dictionary<string, string?>
        {
            ["Loader:Retry:GiveUpAfter"] = "00:00:02", ["Loader:Retry:BaseDelay"] = "00:00:00.005", ["Loader:Retry:MaxDelay"] = "00:00:00.100",
        };

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var export = await LoaderRun.RunAsync(proxy.Url, retry, "export", "--table", table, "--out", output);

        Assert.True(export.ExitCode == 1, export.ToString());
        Assert.True(proxy.ScansFailed >= 2, $"{proxy.ScansFailed} scans failed");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"gave up after {watch.Elapsed}");
    }
}
