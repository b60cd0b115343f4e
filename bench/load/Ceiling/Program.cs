// The ceiling for bench/load/run.sh: the same DynamoDB calls the Api makes for GET /menu/{product_name} (GetItem) and
// GET /menu/specials (Query on special_GSI with the out-of-stock filter), issued directly from C# by N parallel workers.
// Usage:
//   seed <endpoint> <table>                                  create the menu table and 40 items, 10 on special (2 out of stock)
//   run <endpoint> <table> <get|specials> <workers> <seconds> one line: requests/s p50_ms p99_ms requests errors
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Bench;
using CafeMenu.Menu;

var inv = CultureInfo.InvariantCulture;
if (args is not ["seed", _, _] and not ["run", _, _, "get" or "specials", _, _])
{
    Console.Error.WriteLine("usage: seed <endpoint> <table> | run <endpoint> <table> <get|specials> <workers> <seconds>");
    return 2;
}

using var client = CeilingBench.Client(args[1]);
var table = args[2];

if (args[0] == "seed")
{
    await CeilingBench.WaitForDynamoDbAsync(client);

    await TableSetup.EnsureMenuTableAsync(client, table);
    for (var i = 0; i < 40; i++)
    {
        var item = new MenuItem
        {
            ProductName = i == 0 ? "Latte" : $"Item {i:00}",
            Price = 2.50m + i,
            ProductGroup = i % 2 == 0 ? "coffee" : "pastry",
            Description = "A menu item of typical size for the load bench.",
            Tags = i is 3 or 7 ? ["hot", MenuTable.OutOfStockTag] : ["hot"],
            Special = i % 4 == 3 ? 1 : null,
            Version = 1,
        };
        await client.PutItemAsync(new PutItemRequest { TableName = table, Item = MenuItemMapper.ToAttributes(item) });
    }

    return 0;
}

var operation = args[3];
var workers = int.Parse(args[4], inv);
var duration = TimeSpan.FromSeconds(double.Parse(args[5], inv));

// The Api's GetItem is strongly consistent; its specials Query reads pages of 100 until 25 items or the index ends.
Func<CancellationToken, Task> call = operation == "get"
    ? ct => client.GetItemAsync(new GetItemRequest { TableName = table, Key = MenuItemMapper.Key("Latte"), ConsistentRead = true }, ct)
    : async ct =>
    {
        var found = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.QueryAsync(new QueryRequest
            {
                TableName = table,
                IndexName = MenuTable.SpecialIndex,
                KeyConditionExpression = "#special = :on",
                FilterExpression = "NOT contains(#tags, :out_of_stock)",
                ExpressionAttributeNames = new() { ["#special"] = MenuTable.Attributes.Special, ["#tags"] = MenuTable.Attributes.Tags },
                ExpressionAttributeValues = new()
                {
                    [":on"] = new AttributeValue { N = MenuTable.SpecialOn },
                    [":out_of_stock"] = new AttributeValue { S = MenuTable.OutOfStockTag },
                },
                Limit = 100,
                ExclusiveStartKey = start,
            }, ct);
            found += page.Items?.Count ?? 0;
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null && found < 25);
    };

var (latencies, errors) = await CeilingBench.MeasureAsync(() => call(CancellationToken.None), workers, duration);
var all = latencies.Order().ToArray();
double Percentile(double p) => CeilingBench.Percentile(all, p);
Console.WriteLine(string.Create(inv, $"{all.Length / duration.TotalSeconds:F0} {Percentile(0.50):F2} {Percentile(0.99):F2} {all.Length} {errors}"));
return 0;
