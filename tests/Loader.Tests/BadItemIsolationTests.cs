using System.Diagnostics;
using System.Text.Json;
using CafeMenu.TestSupport;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// One bad item never takes good ones down: a request that DynamoDB refuses for one item, or answers with a server error
/// every time it holds that item, is split until the item stands alone; the item is reported failed with DynamoDB's reason,
/// its 24 neighbours in the request are written. Against the real DynamoDB Local, through the fault-injecting proxy.
/// </summary>
[Collection(DynamoCollection.Name)]
public class BadItemIsolationTests(DynamoDbLocalFixture dynamo)
{
    /// <summary>One request's worth: BatchWriteItem takes 25 items, and so does the Loader's insert-only transaction.</summary>
    private const int Items = 25;
    private const int BadLine = 13;
    private const string Marker = "refuse-this-item";

    /// <summary>Back-off short enough to keep the tests quick; the schedule's shape is the production one.</summary>
    private static readonly Dictionary<string, string?> QuickRetry = new()
    {
        ["Loader:Retry:BaseDelay"] = "00:00:00.005",
        ["Loader:Retry:MaxDelay"] = "00:00:00.100",
        ["Loader:Retry:SplitAfterServerErrors"] = "3",
    };

    [Theory]
    [InlineData("upsert")]
    [InlineData("insert-only")]
    public async Task An_item_that_draws_HTTP_500_every_time_is_isolated_and_reported_and_its_24_neighbours_are_written(string mode)
    {
        var (table, file, report) = await PrepareAsync("iso500", $"\"note\":\"{Marker}\"");
        await using var proxy = ProxyToDynamo();
        proxy.FailWritesContaining = Marker;

        var run = await LoadAsync(proxy.Url, file, table, mode, report);

        var reason = await AssertIsolatedAsync(run, table, file, report);
        Assert.Equal("not confirmed written: DynamoDB answered HTTP 500 3 times in a row (InternalServerError: Injected failure for the marked item)", reason);
        // Halving 25 items to the 13th sends it in requests of 25, 13, 6, 3 and 1 item, each tried 3 times (the setting).
        Assert.Equal(15, proxy.FailedForContent);
    }

    [Theory]
    [InlineData("upsert")]
    [InlineData("insert-only")]
    public async Task An_item_DynamoDB_refuses_is_isolated_and_reported_with_DynamoDBs_reason_and_its_24_neighbours_are_written(string mode)
    {
        // The validator refuses an empty set, so the proxy makes one out of a string the validator lets through.
        var (table, file, report) = await PrepareAsync("iso400", $"\"note\":\"{Marker}\"");
        await using var proxy = ProxyToDynamo();
        proxy.RewriteInWrites = ($"{{\"S\":\"{Marker}\"}}", "{\"SS\":[]}");

        var run = await LoadAsync(proxy.Url, file, table, mode, report);

        var reason = await AssertIsolatedAsync(run, table, file, report);
        Assert.Contains("may not be empty", reason, StringComparison.Ordinal); // DynamoDB's own words (ValidationException)
    }

    [Theory]
    [InlineData("upsert")]
    [InlineData("insert-only")]
    public async Task A_name_DynamoDB_takes_but_DynamoDB_Local_answers_with_HTTP_500_is_isolated_and_its_neighbours_are_written(string mode)
    {
        // 60,000 bytes: within DynamoDB's documented 65,535, so the validator takes it; DynamoDB Local answers 500 above 50,000.
        var (table, file, report) = await PrepareAsync("isoname", $"\"{new string('n', 60_000)}\":1");

        var run = await LoadAsync(dynamo.ServiceUrl, file, table, mode, report);

        var reason = await AssertIsolatedAsync(run, table, file, report);
        Assert.StartsWith("not confirmed written: DynamoDB answered HTTP 500 3 times in a row (InternalFailure: ", reason, StringComparison.Ordinal);
    }

    /// <summary>Exit 1; the report counts 24 written and the bad item failed, by file, line and key; the table holds the 24, as loaded.</summary>
    private async Task<string> AssertIsolatedAsync(LoaderRun.Result run, string table, string file, string report)
    {
        Assert.True(run.ExitCode == 1, run.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal(Items - 1, root.GetProperty("written").GetInt32());
        Assert.Equal(0, root.GetProperty("skipped").GetInt32());
        Assert.Equal(1, root.GetProperty("failed").GetInt32());
        var failed = Assert.Single(root.GetProperty("failed_items").EnumerateArray());
        Assert.Equal(file, failed.GetProperty("file").GetString());
        Assert.Equal(BadLine, failed.GetProperty("line").GetInt32());
        Assert.Equal($"item {BadLine:D2}", failed.GetProperty("key").GetProperty("product_name").GetString());

        using var client = dynamo.CreateClient();
        var items = await LoaderRun.ScanAllAsync(client, table);
        var expected = Enumerable.Range(1, Items).Where(i => i != BadLine).Select(i => $"item {i:D2}={i}.25");
        Assert.Equal(expected, items.Select(i => $"{i["product_name"].S}={i["price"].N}").Order(StringComparer.Ordinal));
        return failed.GetProperty("reason").GetString()!;
    }

    private static async Task<LoaderRun.Result> LoadAsync(string endpoint, string file, string table, string mode, string report)
    {
        var watch = Stopwatch.StartNew();
        var run = await LoaderRun.RunAsync(endpoint, QuickRetry, "load", file, "--table", table, "--mode", mode, "--report", report, "--progress", "none");
        // Five levels of halving, each a few attempts: seconds, not the minute after which a load gives up on DynamoDB.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"the load took {watch.Elapsed}");
        return run;
    }

    /// <summary>A menu table and a file of 25 items, one request's worth; the item on <see cref="BadLine"/> also has <paramref name="bad"/>.</summary>
    private async Task<(string Table, string File, string Report)> PrepareAsync(string prefix, string bad)
    {
        var table = DynamoDbLocalFixture.UniqueTableName(prefix);
        var lines = Enumerable.Range(1, Items).Select(i => $"{{\"product_name\":\"item {i:D2}\",\"price\":{i}.25{(i == BadLine ? "," + bad : "")}}}");
        var file = LoaderRun.TempFile("i.ndjson", string.Join("\n", lines) + "\n");
        using var client = dynamo.CreateClient();
        await Menu.TableSetup.EnsureMenuTableAsync(client, table);
        return (table, file, Path.Combine(Path.GetDirectoryName(file)!, "report.json"));
    }

    private FaultInjectingProxy ProxyToDynamo() => FaultInjectingProxy.PassingThrough(dynamo.ServiceUrl);
}
