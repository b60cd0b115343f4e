using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.DataModel;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CafeMenu.Menu;

// .NET contenders of bench/run.sh: create and delete tables, the SDK's BatchWrite<T>, raw parallel ceilings, and a count.
// Prints "RESULT <name> <items> <seconds>" for the script to collect.
var (command, endpoint) = (args[0], args[1]);
var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"),
    new AmazonDynamoDBConfig { ServiceURL = endpoint, AuthenticationRegion = "us-east-1" });

switch (command)
{
    case "create":
        foreach (var table in args[2..]) await TableSetup.EnsureMenuTableAsync(client, table);
        break;
    case "sdk-batchwrite":
    {
        var items = File.ReadLines(args[3]).Select(l => JsonSerializer.Deserialize<BenchItem>(l)!).ToList();
        var context = new DynamoDBContextBuilder().WithDynamoDBClient(() => client).Build();
        var stopwatch = Stopwatch.StartNew();
        var batch = context.CreateBatchWrite<BenchItem>(new BatchWriteConfig { OverrideTableName = args[2] });
        batch.AddPutItems(items);
        await batch.ExecuteAsync();
        Console.WriteLine(FormattableString.Invariant($"RESULT sdk-BatchWrite<T> {items.Count} {stopwatch.Elapsed.TotalSeconds:0.000}"));
        break;
    }
    case "raw":
    {
        var table = args[2];
        var concurrency = int.Parse(args[4], CultureInfo.InvariantCulture);
        // Pre-built requests: the ceiling measures DynamoDB Local, not our parsing.
        var requests = File.ReadLines(args[3]).Select(ToItem).Chunk(25)
            .Select(chunk => new BatchWriteItemRequest
            {
                RequestItems = new() { [table] = chunk.Select(i => new WriteRequest(new PutRequest(i))).ToList() },
                ReturnConsumedCapacity = Environment.GetEnvironmentVariable("BENCH_CONSUMED") == "1" ? ReturnConsumedCapacity.TOTAL : null,
            })
            .ToList();
        var count = requests.Sum(r => r.RequestItems[table].Count);
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (request, token) =>
        {
            while (true)
            {
                var response = await client.BatchWriteItemAsync(request, token);
                if (response.UnprocessedItems is not { Count: > 0 } left) return;
                request = new BatchWriteItemRequest { RequestItems = left };
            }
        });
        Console.WriteLine(FormattableString.Invariant($"RESULT raw-ceiling-c{concurrency} {count} {stopwatch.Elapsed.TotalSeconds:0.000}"));
        break;
    }
    case "raw-transact":
    {
        // The insert-only ceiling: pre-built TransactWriteItems of up to 100 conditional puts (attribute_not_exists).
        var table = args[2];
        var concurrency = int.Parse(args[4], CultureInfo.InvariantCulture);
        var requests = File.ReadLines(args[3]).Select(ToItem).Chunk(int.TryParse(Environment.GetEnvironmentVariable("BENCH_TXN_ITEMS"), out var size) ? size : 100)
            .Select(chunk => new TransactWriteItemsRequest
            {
                ClientRequestToken = Guid.NewGuid().ToString("N"),
                TransactItems = chunk.Select(i => new TransactWriteItem
                {
                    Put = new Put
                    {
                        TableName = table, Item = i, ConditionExpression = "attribute_not_exists(#k)",
                        ExpressionAttributeNames = new() { ["#k"] = "product_name" },
                    },
                }).ToList(),
            })
            .ToList();
        var count = requests.Sum(r => r.TransactItems.Count);
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (request, token) => await client.TransactWriteItemsAsync(request, token));
        Console.WriteLine(FormattableString.Invariant($"RESULT raw-transact-c{concurrency} {count} {stopwatch.Elapsed.TotalSeconds:0.000}"));
        break;
    }
    case "raw-conditional-put":
    {
        // Insert-only one item per call: pre-built PutItem requests with attribute_not_exists on the key.
        var table = args[2];
        var concurrency = int.Parse(args[4], CultureInfo.InvariantCulture);
        var requests = File.ReadLines(args[3]).Select(ToItem)
            .Select(item => new PutItemRequest
            {
                TableName = table, Item = item, ConditionExpression = "attribute_not_exists(#k)",
                ExpressionAttributeNames = new() { ["#k"] = "product_name" },
            })
            .ToList();
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (request, token) => await client.PutItemAsync(request, token));
        Console.WriteLine(FormattableString.Invariant($"RESULT raw-conditional-put-c{concurrency} {requests.Count} {stopwatch.Elapsed.TotalSeconds:0.000}"));
        break;
    }
    case "raw-partiql":
    {
        // Insert-only through PartiQL: BatchExecuteStatement of up to 25 INSERTs (an INSERT never replaces an item).
        var table = args[2];
        var concurrency = int.Parse(args[4], CultureInfo.InvariantCulture);
        var requests = File.ReadLines(args[3]).Select(ToItem).Chunk(25)
            .Select(chunk => new BatchExecuteStatementRequest
            {
                Statements = chunk.Select(i => new BatchStatementRequest
                {
                    Statement = $"INSERT INTO \"{table}\" VALUE {{{string.Join(", ", i.Keys.Select(k => $"'{k}' : ?"))}}}",
                    Parameters = i.Values.ToList(),
                }).ToList(),
            })
            .ToList();
        var count = requests.Sum(r => r.Statements.Count);
        var stopwatch = Stopwatch.StartNew();
        var errors = 0;
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (request, token) =>
        {
            var response = await client.BatchExecuteStatementAsync(request, token);
            Interlocked.Add(ref errors, response.Responses.Count(r => r.Error is not null));
        });
        Console.WriteLine(FormattableString.Invariant($"RESULT raw-partiql-c{concurrency} {count} {stopwatch.Elapsed.TotalSeconds:0.000} errors {errors}"));
        break;
    }
    case "delete":
        // Each contender's table goes once counted, so every contender meets a DynamoDB Local holding the same data.
        foreach (var table in args[2..]) await client.DeleteTableAsync(table);
        break;
    case "count":
    {
        long total = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = args[2], Select = Select.COUNT, ExclusiveStartKey = start });
            total += page.Count ?? 0;
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        Console.WriteLine(total);
        break;
    }
}

static Dictionary<string, AttributeValue> ToItem(string line)
{
    using var document = JsonDocument.Parse(line);
    return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value));

    static AttributeValue Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number => new AttributeValue { N = e.GetRawText() },
        JsonValueKind.Array => new AttributeValue { L = e.EnumerateArray().Select(Value).ToList() },
        _ => new AttributeValue { S = e.GetString() },
    };
}

[DynamoDBTable("placeholder")]
internal sealed class BenchItem
{
    [DynamoDBHashKey("product_name")][System.Text.Json.Serialization.JsonPropertyName("product_name")] public string ProductName { get; set; } = "";
    [DynamoDBProperty("product_id")][System.Text.Json.Serialization.JsonPropertyName("product_id")] public long ProductId { get; set; }
    [DynamoDBProperty("description")][System.Text.Json.Serialization.JsonPropertyName("description")] public string Description { get; set; } = "";
    [DynamoDBProperty("price")][System.Text.Json.Serialization.JsonPropertyName("price")] public decimal Price { get; set; }
    [DynamoDBProperty("product_group")][System.Text.Json.Serialization.JsonPropertyName("product_group")] public string ProductGroup { get; set; } = "";
    [DynamoDBProperty("tags")][System.Text.Json.Serialization.JsonPropertyName("tags")] public List<string> Tags { get; set; } = [];
    [DynamoDBProperty("version")][System.Text.Json.Serialization.JsonPropertyName("version")] public long Version { get; set; }
}
