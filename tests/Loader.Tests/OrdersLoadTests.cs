using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using CafeMenu.TestSupport;
using A = CafeMenu.Menu.OrdersTable.Attributes;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// The Loader on a table with a sort key: the seed orders into the Api's Orders table (composite key, a GSI and an LSI),
/// unchanged, exported and loaded back; duplicates found on the whole key; the orders table created as the Api creates it.
/// </summary>
[Collection(DynamoCollection.Name)]
public class OrdersLoadTests(DynamoDbLocalFixture dynamo)
{
    private static string NewTable() => DynamoDbLocalFixture.UniqueTableName("orders");

    [Fact]
    public async Task The_seed_orders_load_unchanged_and_their_export_loads_into_a_second_Orders_table_identical()
    {
        using var client = dynamo.CreateClient();
        var table = NewTable();
        var copy = NewTable();
        await OrdersTableSetup.EnsureAsync(client, table);
        await OrdersTableSetup.EnsureAsync(client, copy);
        var export = Path.Combine(Path.GetDirectoryName(LoaderRun.TempFile("x", ""))!, "orders.ndjson");

        var load = await LoaderRun.RunAsync(dynamo, "load", SeedOrdersFile.Path, "--table", table, "--mode", "insert-only", "--progress", "plain");
        var exported = await LoaderRun.RunAsync(dynamo, "export", "--table", table, "--out", export);
        var reload = await LoaderRun.RunAsync(dynamo, "load", export, "--table", copy, "--mode", "insert-only", "--progress", "none");

        Assert.True(load.ExitCode == 0, load.ToString());
        Assert.True(exported.ExitCode == 0, exported.ToString());
        Assert.True(reload.ExitCode == 0, reload.ToString());
        var expected = SeedOrdersFile.Items().Select(SeedOrdersFile.Comparable).Order(StringComparer.Ordinal).ToList();
        var loaded = (await LoaderRun.ScanAllAsync(client, table)).Select(SeedOrdersFile.Comparable).Order(StringComparer.Ordinal).ToList();
        var copied = (await LoaderRun.ScanAllAsync(client, copy)).Select(SeedOrdersFile.Comparable).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, loaded);
        Assert.Equal(expected, copied);
    }

    [Fact]
    public async Task Loaded_seed_orders_fill_the_kitchen_queue_and_the_status_index_and_a_second_insert_only_load_skips_them_all()
    {
        using var client = dynamo.CreateClient();
        var table = NewTable();
        await OrdersTableSetup.EnsureAsync(client, table);
        var seed = SeedOrdersFile.Items();

        var first = await LoaderRun.RunAsync(dynamo, "load", SeedOrdersFile.Path, "--table", table, "--mode", "insert-only", "--progress", "plain");
        var second = await LoaderRun.RunAsync(dynamo, "load", SeedOrdersFile.Path, "--table", table, "--mode", "insert-only", "--progress", "plain");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains($"all {seed.Count} items skipped (already in the table)", second.Output);
        // The kitchen queue's Query (docs/orders.md): the open orders, oldest first, across guests.
        var queue = await client.QueryAsync(new QueryRequest
        {
            TableName = table,
            IndexName = OrdersTable.QueueIndex,
            KeyConditionExpression = "#q = :open",
            ExpressionAttributeNames = new() { ["#q"] = A.Queue },
            ExpressionAttributeValues = new() { [":open"] = new AttributeValue { S = OrdersTable.QueueOpen } },
        });
        var open = seed.Where(i => OrderStatus.IsOpen(i[A.Status].S)).Select(i => i[A.OrderId].S).Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(open);
        Assert.Equal(open, queue.Items.Select(i => i[A.OrderId].S));
        // A guest's ready orders through the local index.
        var ready = seed.First(i => i[A.Status].S == OrderStatus.Ready);
        var guestReady = await client.QueryAsync(new QueryRequest
        {
            TableName = table,
            IndexName = OrdersTable.StatusIndex,
            KeyConditionExpression = "#g = :g AND begins_with(#so, :ready)",
            ExpressionAttributeNames = new() { ["#g"] = A.GuestId, ["#so"] = A.StatusOrder },
            ExpressionAttributeValues = new()
            {
                [":g"] = ready[A.GuestId], [":ready"] = new AttributeValue { S = OrderStatus.Ready + "#" },
            },
        });
        Assert.Equal(
            seed.Where(i => i[A.GuestId].S == ready[A.GuestId].S && i[A.Status].S == OrderStatus.Ready).Select(i => i[A.OrderId].S).Order(StringComparer.Ordinal),
            guestReady.Items.Select(i => i[A.OrderId].S));
    }

    [Fact]
    public async Task Duplicates_are_found_on_the_whole_key_one_guests_two_orders_are_not_duplicates_one_order_twice_is()
    {
        using var client = dynamo.CreateClient();
        var distinct = NewTable();
        var twice = NewTable();
        await OrdersTableSetup.EnsureAsync(client, distinct);
        await OrdersTableSetup.EnsureAsync(client, twice);
        // One guest with two orders, and a second guest with the first order's id: three keys.
        var three = LoaderRun.TempFile("three.ndjson", Record("g1", "o1") + Record("g1", "o2") + Record("g2", "o1"));
        var repeated = LoaderRun.TempFile("repeated.ndjson", Record("g1", "o1") + Record("g1", "o2") + Record("g1", "o1"));

        var fine = await LoaderRun.RunAsync(dynamo, "load", three, "--table", distinct, "--progress", "none");
        var refused = await LoaderRun.RunAsync(dynamo, "load", repeated, "--table", twice, "--progress", "none");

        Assert.True(fine.ExitCode == 0, fine.ToString());
        Assert.Equal(3, (await LoaderRun.ScanAllAsync(client, distinct)).Count);
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains($"{repeated}:3: duplicate key {{\"guest_id\":\"g1\",\"order_id\":\"o1\"}}, first at {repeated}:1", refused.Output);
        Assert.Empty(await LoaderRun.ScanAllAsync(client, twice));
    }

    [Fact]
    public async Task Create_table_with_the_orders_definition_makes_the_Apis_table_with_its_TTL_even_while_the_Api_creates_it_too()
    {
        using var client = dynamo.CreateClient();
        var table = NewTable();

        // The Api creates its tables in the background once it serves, so the AppHost's orders-loader can meet it doing so; both must succeed.
        var loading = LoaderRun.RunAsync(dynamo, "load", SeedOrdersFile.Path, "--table", table, "--mode", "insert-only", "--create-table", "--definition", "orders", "--progress", "none");
        var api = Enumerable.Range(0, 3).Select(_ => OrdersTableSetup.EnsureAsync(client, table)).ToList();
        var load = await loading;
        await Task.WhenAll(api);

        Assert.True(load.ExitCode == 0, load.ToString());
        Assert.Equal(SeedOrdersFile.Items().Count, (await LoaderRun.ScanAllAsync(client, table)).Count);
        var described = (await client.DescribeTableAsync(table)).Table;
        var definition = OrdersTable.Definition(table);
        Assert.Equal(Keys(definition.KeySchema), Keys(described.KeySchema));
        Assert.Equal(
            definition.GlobalSecondaryIndexes.Select(i => (i.IndexName, Keys(i.KeySchema))),
            described.GlobalSecondaryIndexes.Select(i => (i.IndexName, Keys(i.KeySchema))));
        Assert.Equal(
            definition.LocalSecondaryIndexes.Select(i => (i.IndexName, Keys(i.KeySchema))),
            described.LocalSecondaryIndexes.Select(i => (i.IndexName, Keys(i.KeySchema))));
        var ttl = (await client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table })).TimeToLiveDescription;
        Assert.Equal((TimeToLiveStatus.ENABLED, A.ExpiresAt), (ttl.TimeToLiveStatus, ttl.AttributeName));
    }

    [Fact]
    public async Task A_dry_run_for_a_missing_table_checks_against_the_orders_key_and_creates_nothing()
    {
        var table = NewTable();
        var file = LoaderRun.TempFile("menu-shaped.ndjson", "{\"product_name\":\"Espresso\",\"price\":2.40}\n");

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--definition", "orders", "--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the key attribute is missing (the table's key is guest_id (S), order_id (S))", run.Output);
        using var client = dynamo.CreateClient();
        Assert.Null(await TableSetup.DescribeOrNullAsync(client, table, CancellationToken.None));
    }

    private static string Record(string guest, string order) =>
        $"{{\"{A.GuestId}\":\"{guest}\",\"{A.OrderId}\":\"{order}\",\"{A.Status}\":\"placed\"}}\n";

    private static string Keys(List<KeySchemaElement> keys) => string.Join(",", keys.Select(k => $"{k.AttributeName}:{k.KeyType.Value}"));
}
