using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Hosting.DynamoDBLocal;
using CafeMenu.Menu;
using CafeMenu.TestSupport;

namespace CafeMenu.Loader.Tests;

/// <summary>The Loader end to end, in-process, against a real DynamoDB Local: formats, numbers, duplicates, modes, dry-run, report, export.</summary>
[Collection(DynamoCollection.Name)]
public class LoadTests(DynamoDbLocalFixture dynamo)
{
    private static string NewTable() => DynamoDbLocalFixture.UniqueTableName("load");

    [Fact]
    public async Task The_seed_menu_loads_insert_only_and_a_second_run_skips_every_item()
    {
        var table = NewTable();
        var menu = Path.Combine(DynamoDBLocalInstallation.FindRepositoryRoot(), "data", "menu.json");

        var first = await LoaderRun.RunAsync(dynamo, "load", menu, "--table", table, "--mode", "insert-only", "--create-table", "--progress", "plain");
        var second = await LoaderRun.RunAsync(dynamo, "load", menu, "--table", table, "--mode", "insert-only", "--create-table", "--progress", "plain");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal(0, second.ExitCode);
        var count = JsonDocument.Parse(File.ReadAllText(menu)).RootElement.GetArrayLength();
        Assert.Contains($"{count} written, 0 skipped, 0 failed", first.Output);
        Assert.Contains($"all {count} items skipped (already in the table)", second.Output);
        using var client = dynamo.CreateClient();
        var items = await LoaderRun.ScanAllAsync(client, table);
        Assert.Equal(count, items.Count);
        var specials = await client.ScanAsync(new ScanRequest { TableName = table, IndexName = MenuTable.SpecialIndex });
        Assert.InRange(specials.Count ?? 0, 3, 10);
    }

    [Fact]
    public async Task All_four_formats_load_the_same_items()
    {
        using var client = dynamo.CreateClient();
        var tables = new List<List<string>>();
        foreach (var file in LoaderRun.SameItemsInEveryFormat())
        {
            var table = NewTable();
            var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--progress", "none");
            Assert.True(run.ExitCode == 0, run.ToString());
            tables.Add((await LoaderRun.ScanAllAsync(client, table)).Select(LoaderRun.Canonical).Order().ToList());
        }

        Assert.Equal(2, tables[0].Count);
        Assert.All(tables, t => Assert.Equal(tables[0], t));
    }

    [Fact]
    public async Task Numbers_keep_their_digits_exactly_in_the_raw_attribute_value()
    {
        var table = NewTable();
        var file = LoaderRun.TempFile("n.ndjson",
            "{\"product_name\":\"a\",\"price\":0.1,\"exact\":1.2345678901234567890123456789012345678,\"big\":9.9999999999999999999999999999999999999E+125}\n");

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--progress", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var client = dynamo.CreateClient();
        var item = (await client.GetItemAsync(table, new() { ["product_name"] = new AttributeValue { S = "a" } })).Item;
        Assert.Equal("0.1", item["price"].N);
        Assert.Equal("1.2345678901234567890123456789012345678", item["exact"].N);
        Assert.Equal(0, decimal.Compare(1.2345678901234567890123456789m, decimal.Parse(item["exact"].N[..30], System.Globalization.CultureInfo.InvariantCulture)));
        // DynamoDB answers with plain digits; the value is the largest it allows, unrounded.
        Assert.Equal(new string('9', 38) + new string('0', 88), item["big"].N);
    }

    [Fact]
    public async Task Invalid_input_writes_nothing_and_exits_2_with_file_line_and_no_stack_trace()
    {
        var table = NewTable();
        var good = LoaderRun.TempFile("good.ndjson", "{\"product_name\":\"fine\",\"price\":1}\n");
        var bad = LoaderRun.TempFile("bad.ndjson",
            "{\"product_name\":\"ok\"}\n{\"product_name\":\"x\",\"price\":1.23456789012345678901234567890123456789}\n{\"product_name\":\"ok\"}\n");

        var run = await LoaderRun.RunAsync(dynamo, "load", good, bad, "--table", table, "--create-table", "--progress", "none");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{bad}:2: price: number", run.Output);
        Assert.Contains($"{bad}:3: duplicate key {{\"product_name\":\"ok\"}}, first at {bad}:1", run.Output);
        Assert.Contains("nothing was written", run.Output);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
        using var client = dynamo.CreateClient();
        Assert.Empty(await LoaderRun.ScanAllAsync(client, table));
    }

    [Fact]
    public async Task Last_wins_writes_the_later_record_of_a_duplicated_key()
    {
        var table = NewTable();
        var file = LoaderRun.TempFile("d.ndjson", "{\"product_name\":\"a\",\"price\":1}\n{\"product_name\":\"b\",\"price\":2}\n{\"product_name\":\"a\",\"price\":3}\n");
        var report = Path.Combine(Path.GetDirectoryName(file)!, "report.json");

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--on-duplicate", "last-wins", "--report", report, "--progress", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var client = dynamo.CreateClient();
        var items = await LoaderRun.ScanAllAsync(client, table);
        Assert.Equal("3", Assert.Single(items, i => i["product_name"].S == "a")["price"].N);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal(3, json.RootElement.GetProperty("records").GetInt32());
        Assert.Equal(2, json.RootElement.GetProperty("written").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("superseded").GetInt32());
    }

    [Fact]
    public async Task Insert_only_leaves_existing_items_unchanged_and_lists_them_as_skipped_in_the_report()
    {
        var table = NewTable();
        using var client = dynamo.CreateClient();
        await TableSetup.EnsureMenuTableAsync(client, table);
        await client.PutItemAsync(table, new() { ["product_name"] = new AttributeValue { S = "Scone" }, ["price"] = new AttributeValue { N = "9.99" } });
        var lines = Enumerable.Range(0, 60).Select(i => $"{{\"product_name\":\"item {i}\",\"price\":1}}").Append("{\"product_name\":\"Scone\",\"price\":2.80}");
        var file = LoaderRun.TempFile("i.ndjson", string.Join("\n", lines) + "\n");
        var report = Path.Combine(Path.GetDirectoryName(file)!, "report.json");

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--mode", "insert-only", "--report", report, "--progress", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        var scone = (await client.GetItemAsync(table, new() { ["product_name"] = new AttributeValue { S = "Scone" } })).Item;
        Assert.Equal("9.99", scone["price"].N);
        Assert.Equal(61, (await LoaderRun.ScanAllAsync(client, table)).Count);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal(("insert-only", "loaded", 61, 60, 1, 0), (root.GetProperty("mode").GetString(), root.GetProperty("outcome").GetString(),
            root.GetProperty("records").GetInt32(), root.GetProperty("written").GetInt32(), root.GetProperty("skipped").GetInt32(), root.GetProperty("failed").GetInt32()));
        var skipped = Assert.Single(root.GetProperty("skipped_items").EnumerateArray());
        Assert.Equal(61, skipped.GetProperty("line").GetInt32());
        Assert.Equal("Scone", skipped.GetProperty("key").GetProperty("product_name").GetString());
        Assert.Equal(file, skipped.GetProperty("file").GetString());
        Assert.Empty(root.GetProperty("failed_items").EnumerateArray());
        Assert.Contains("skipped", run.Output);
    }

    [Fact]
    public async Task Dry_run_validates_everything_and_writes_nothing()
    {
        var table = NewTable();
        var file = LoaderRun.TempFile("d.ndjson", "{\"product_name\":\"a\"}\n{\"product_name\":\"b\"}\n");
        var report = Path.Combine(Path.GetDirectoryName(file)!, "report.json");

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--dry-run", "--report", report);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Dry run: 2 records valid", run.Output);
        using var client = dynamo.CreateClient();
        Assert.Null(await TableSetup.DescribeOrNullAsync(client, table, CancellationToken.None)); // not even the table
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal("dry-run", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("written").GetInt32());
    }

    [Fact]
    public async Task A_report_of_rejected_input_lists_the_errors_with_file_and_line()
    {
        var table = NewTable();
        var file = LoaderRun.TempFile("e.ndjson", "{\"product_name\":\"\"}\n");
        var report = Path.Combine(Path.GetDirectoryName(file)!, "report.json");

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--report", report);

        Assert.Equal(2, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var root = json.RootElement;
        Assert.Equal("invalid-input", root.GetProperty("outcome").GetString());
        Assert.Equal(2, root.GetProperty("exit_code").GetInt32());
        var error = Assert.Single(root.GetProperty("validation_errors").EnumerateArray());
        Assert.Equal((1, "product_name"), (error.GetProperty("line").GetInt32(), error.GetProperty("attribute").GetString()));
    }

    [Fact]
    public async Task Export_then_load_gives_an_identical_table_with_every_type()
    {
        var source = NewTable();
        var copy = NewTable();
        var items = Enumerable.Range(0, 120).Select(i =>
            $"{{\"Item\":{{\"product_name\":{{\"S\":\"p{i}\"}},\"price\":{{\"N\":\"{i}.10\"}},\"b\":{{\"B\":\"AQID\"}},\"ss\":{{\"SS\":[\"x\",\"y\"]}},"
            + $"\"ns\":{{\"NS\":[\"1\",\"2.5\"]}},\"bs\":{{\"BS\":[\"AQ==\"]}},\"flag\":{{\"BOOL\":true}},\"none\":{{\"NULL\":true}},"
            + $"\"l\":{{\"L\":[{{\"S\":\"é ✓\"}},{{\"N\":\"0.1\"}}]}},\"m\":{{\"M\":{{\"k\":{{\"S\":\"v\"}}}}}}}}}}");
        var input = LoaderRun.TempFile("in.ddb.json", string.Join("\n", items) + "\n");
        var exported = Path.Combine(Path.GetDirectoryName(input)!, "export.ndjson");

        var load = await LoaderRun.RunAsync(dynamo, "load", input, "--table", source, "--create-table", "--progress", "none");
        var export = await LoaderRun.RunAsync(dynamo, "export", "--table", source, "--out", exported);
        var reload = await LoaderRun.RunAsync(dynamo, "load", exported, "--table", copy, "--create-table", "--progress", "none");

        Assert.True(load.ExitCode == 0, load.ToString());
        Assert.True(export.ExitCode == 0, export.ToString());
        Assert.True(reload.ExitCode == 0, reload.ToString());
        using var client = dynamo.CreateClient();
        var original = (await LoaderRun.ScanAllAsync(client, source)).Select(LoaderRun.Canonical).Order().ToList();
        var copied = (await LoaderRun.ScanAllAsync(client, copy)).Select(LoaderRun.Canonical).Order().ToList();
        Assert.Equal(120, original.Count);
        Assert.Equal(original, copied);
    }

    [Fact]
    public async Task A_missing_table_without_create_table_and_bad_usage_exit_2()
    {
        var file = LoaderRun.TempFile("a.ndjson", "{\"product_name\":\"a\"}\n");

        var missing = await LoaderRun.RunAsync(dynamo, "load", file, "--table", NewTable());
        var usage = await LoaderRun.RunAsync(dynamo, "load", file, "--mode", "sideways");
        var concurrency = await LoaderRun.RunAsync(dynamo, "load", file, "--concurrency", "0");

        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("does not exist; pass --create-table", missing.Output);
        Assert.Equal(2, usage.ExitCode);
        Assert.Contains("sideways", usage.Error);
        Assert.Equal(2, concurrency.ExitCode);
        Assert.Contains("--concurrency must be auto or a number", concurrency.Error);
    }

    [Fact]
    public async Task A_report_path_that_cannot_be_written_or_a_table_name_DynamoDB_refuses_exit_2_before_anything_is_written()
    {
        var table = NewTable();
        var file = LoaderRun.TempFile("a.ndjson", "{\"product_name\":\"a\"}\n");
        var folder = Path.GetDirectoryName(file)!;

        var report = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--report", folder);
        var badTable = await LoaderRun.RunAsync(dynamo, "load", file, "--table", "a b");
        var badExport = await LoaderRun.RunAsync(dynamo, "export", "--table", "x", "--out", Path.Combine(folder, "x.ndjson"));

        Assert.Equal(2, report.ExitCode);
        Assert.Contains($"--report {folder}: is a folder; give a file name", report.Error);
        using (var client = dynamo.CreateClient())
        {
            Assert.Null(await Menu.TableSetup.DescribeOrNullAsync(client, table, CancellationToken.None)); // not even the table was created
        }

        Assert.Equal(2, badTable.ExitCode);
        Assert.Contains("--table 'a b' is not a DynamoDB table name", badTable.Error);
        Assert.Equal(2, badExport.ExitCode);
        Assert.Contains("--table 'x' is not a DynamoDB table name", badExport.Error);
    }

    [Theory]
    [InlineData("/dev/full")]
    [InlineData("/proc/version")]
    public async Task A_report_path_that_opens_but_cannot_be_written_exits_2_before_anything_is_written(string path)
    {
        var table = NewTable();
        var file = LoaderRun.TempFile("a.ndjson", "{\"product_name\":\"a\"}\n");

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--report", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--report {path}: cannot be written", run.Error);
        Assert.DoesNotContain("   at ", run.Output + run.Error);
        using var client = dynamo.CreateClient();
        Assert.Null(await TableSetup.DescribeOrNullAsync(client, table, CancellationToken.None));
    }

    [Fact]
    public async Task A_report_replaces_the_previous_one_whole_and_leaves_no_temporary_file()
    {
        var table = NewTable();
        var file = LoaderRun.TempFile("a.ndjson", "{\"product_name\":\"a\"}\n");
        var folder = Path.GetDirectoryName(file)!;
        var report = Path.Combine(folder, "report.json");
        File.WriteAllText(report, new string('x', 100_000));

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--report", report, "--progress", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        Assert.Equal("loaded", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(["a.ndjson", "report.json"], Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task An_export_of_items_nested_31_deep_loads_back_unchanged()
    {
        var source = NewTable();
        var copy = NewTable();
        using var client = dynamo.CreateClient();
        await TableSetup.EnsureMenuTableAsync(client, source);
        foreach (var kind in new[] { "L", "M" })
        {
            AttributeValue value = new() { S = "leaf" };
            for (var i = 0; i < 31; i++) value = kind == "L" ? new AttributeValue { L = [value] } : new AttributeValue { M = new() { ["k"] = value } };
            await client.PutItemAsync(source, new() { ["product_name"] = new AttributeValue { S = kind }, ["deep"] = value });
        }

        var export = Path.Combine(Path.GetDirectoryName(LoaderRun.TempFile("x", ""))!, "deep.ndjson");
        var exported = await LoaderRun.RunAsync(dynamo, "export", "--table", source, "--out", export);
        var loaded = await LoaderRun.RunAsync(dynamo, "load", export, "--table", copy, "--create-table", "--progress", "none");

        Assert.True(exported.ExitCode == 0, exported.ToString());
        Assert.True(loaded.ExitCode == 0, loaded.ToString());
        Assert.Equal(
            (await LoaderRun.ScanAllAsync(client, source)).Select(LoaderRun.Canonical).Order(),
            (await LoaderRun.ScanAllAsync(client, copy)).Select(LoaderRun.Canonical).Order());
    }

    [Fact]
    public async Task A_NULL_special_in_any_format_exits_2_and_writes_nothing()
    {
        var table = NewTable();
        var good = LoaderRun.TempFile("good.ndjson", "{\"product_name\":\"Scone\",\"special\":1}\n");
        var csv = LoaderRun.TempFile("bad.csv", "product_name,special:NULL\nLatte,x\n");
        var json = LoaderRun.TempFile("bad.json", "[{\"product_name\":\"Mocha\",\"special\":null}]");

        var run = await LoaderRun.RunAsync(dynamo, "load", good, csv, json, "--table", table, "--create-table", "--progress", "none");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{csv}:2: special: the index key attribute must be of type N, got NULL", run.Output);
        Assert.Contains($"{json}:1: special: the index key attribute must be of type N, got NULL", run.Output);
        using var client = dynamo.CreateClient();
        Assert.Empty(await LoaderRun.ScanAllAsync(client, table));
    }
}
