using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using CafeMenu.TestSupport;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// The published Loader (Native AOT) does what the in-process tests check of the built one: every format and type, the
/// report, export, insert-only and the refusal of bad input. Run on its own in test.sh: the publish keeps both cores busy.
/// </summary>
[Collection(DynamoCollection.Name)]
public class PublishedLoaderTests(DynamoDbLocalFixture dynamo, PublishedLoader loader) : IClassFixture<PublishedLoader>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private Task<LoaderRun.Result> RunAsync(params string[] args) => LoaderProcess.RunAsync(dynamo, Timeout, loader.Executable, args);

    [Fact]
    public async Task Every_format_loads_the_same_items_and_an_export_reloads_into_an_identical_table()
    {
        using var client = dynamo.CreateClient();
        var tables = new List<List<string>>();
        foreach (var file in LoaderRun.SameItemsInEveryFormat())
        {
            var table = DynamoDbLocalFixture.UniqueTableName("aot");
            var run = await RunAsync("load", file, "--table", table, "--create-table", "--progress", "none");
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("2 written, 0 skipped, 0 failed", run.Output);
            tables.Add((await LoaderRun.ScanAllAsync(client, table)).Select(LoaderRun.Canonical).Order().ToList());
        }

        Assert.Equal(2, tables[0].Count);
        Assert.All(tables, t => Assert.Equal(tables[0], t));
        Assert.Contains("{\"N\":\"1.2345678901234567890123\"}", tables[0][1]); // every digit, where a double keeps 17
        Assert.Contains("{\"S\":\"caf\\u00E9 \\u2713\"}", tables[0][0]); // the canonical form escapes what is not ASCII

        var source = DynamoDbLocalFixture.UniqueTableName("aot");
        var copy = DynamoDbLocalFixture.UniqueTableName("aot");
        var typed = LoaderRun.TempFile("typed.ddb.json", string.Join("\n", Enumerable.Range(0, 60).Select(i =>
            $"{{\"Item\":{{\"product_name\":{{\"S\":\"p{i}\"}},\"b\":{{\"B\":\"AQID\"}},\"ss\":{{\"SS\":[\"x\",\"y\"]}},\"ns\":{{\"NS\":[\"1\",\"2.5\"]}},"
            + $"\"bs\":{{\"BS\":[\"AQ==\"]}},\"flag\":{{\"BOOL\":true}},\"none\":{{\"NULL\":true}},\"m\":{{\"M\":{{\"k\":{{\"L\":[{{\"N\":\"{i}.10\"}}]}}}}}}}}}}")) + "\n");
        var exported = Path.Combine(Path.GetDirectoryName(typed)!, "export.ndjson");
        Assert.Equal(0, (await RunAsync("load", typed, "--table", source, "--create-table", "--progress", "none")).ExitCode);
        var export = await RunAsync("export", "--table", source, "--out", exported);
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.Equal(0, (await RunAsync("load", exported, "--table", copy, "--create-table", "--progress", "none")).ExitCode);
        var original = (await LoaderRun.ScanAllAsync(client, source)).Select(LoaderRun.Canonical).Order().ToList();
        Assert.Equal(60, original.Count);
        Assert.Equal(original, (await LoaderRun.ScanAllAsync(client, copy)).Select(LoaderRun.Canonical).Order().ToList());
    }

    [Fact]
    public async Task Insert_only_skips_an_existing_item_and_the_report_says_so()
    {
        var table = DynamoDbLocalFixture.UniqueTableName("aot");
        using var client = dynamo.CreateClient();
        await TableSetup.EnsureMenuTableAsync(client, table);
        await client.PutItemAsync(table, new() { ["product_name"] = new AttributeValue { S = "Crème brûlée" }, ["price"] = new AttributeValue { N = "9.99" } });
        var file = LoaderRun.TempFile("i.ndjson", "{\"product_name\":\"Tea\",\"price\":1}\n{\"product_name\":\"Crème brûlée\",\"price\":2.80}\n");
        var report = Path.Combine(Path.GetDirectoryName(file)!, "report.json");

        var run = await RunAsync("load", file, "--table", table, "--mode", "insert-only", "--report", report, "--progress", "plain");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("9.99", (await client.GetItemAsync(table, new() { ["product_name"] = new AttributeValue { S = "Crème brûlée" } })).Item["price"].N);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal(("insert-only", "loaded", 2, 1, 1, true), (root.GetProperty("mode").GetString(), root.GetProperty("outcome").GetString(),
            root.GetProperty("records").GetInt32(), root.GetProperty("written").GetInt32(), root.GetProperty("skipped").GetInt32(),
            root.GetProperty("counts_add_up").GetBoolean()));
        var skipped = Assert.Single(root.GetProperty("skipped_items").EnumerateArray());
        Assert.Contains("\"Crème brûlée\"", File.ReadAllText(report)); // as it is, not escaped
        Assert.Equal((2, "Crème brûlée"), (skipped.GetProperty("line").GetInt32(), skipped.GetProperty("key").GetProperty("product_name").GetString()));
    }

    [Fact]
    public async Task Bad_input_exits_2_with_file_line_and_reason_and_writes_nothing()
    {
        var table = DynamoDbLocalFixture.UniqueTableName("aot");
        var file = LoaderRun.TempFile("bad.ndjson", "{\"product_name\":\"ok\"}\n{\"product_name\":\"x\",\"price\":1e200}\n{\"product_name\":5}\n");
        var report = Path.Combine(Path.GetDirectoryName(file)!, "report.json");

        var run = await RunAsync("load", file, "--table", table, "--create-table", "--report", report);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{file}:2: price:", run.Output);
        Assert.Contains($"{file}:3: product_name: the key attribute must be of type S, got N", run.Output);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal(2, json.RootElement.GetProperty("validation_errors").GetArrayLength());
        using var client = dynamo.CreateClient();
        Assert.Empty(await LoaderRun.ScanAllAsync(client, table));
        var help = await RunAsync("load", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--create-table", help.Output);
        Assert.Contains("--on-duplicate", help.Output);
    }
}
