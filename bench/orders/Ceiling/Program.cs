// The raw side of bench/orders/run.sh: the DynamoDB calls the Api makes for POST /orders and GET /kitchen/queue, built the
// way the Api builds them (Api/Data/OrderPlacement.cs, MenuProductsReader.cs, OrdersRepository.cs) and issued directly
// from C# by N parallel workers, each one call after the other, as wrk's N connections do against the Api.
// Usage:
//   seed <endpoint> <menu-table> <orders-table> <open-orders>
//       create both tables (Orders with its TTL), 40 menu items without a stock counter (orders never run out) and
//       <open-orders> open orders across 50 guests for the kitchen queue
//   run <endpoint> <menu-table> <orders-table> <tx|place|place-cc|queue|queue-cc> <workers> <seconds>
//       tx     one TransactWriteItems per request: Put of a new order + a ConditionCheck per line (3 lines)
//       place  what the Api makes per POST /orders without an Idempotency-Key: BatchGetItem of the 3 products
//              (strongly consistent), then the same TransactWriteItems
//       queue  one Query on queue_GSI, the kitchen queue's first page (25 orders, oldest first, expired ones filtered)
//       place-cc, queue-cc   the same with ReturnConsumedCapacity TOTAL, which the Api's telemetry adds to every call
//       prints one line: requests/s p50_ms p99_ms requests errors conflicts_retried
//   serve <endpoint> <menu-table> <orders-table>
//       the same calls, slice by slice, as bench/orders/run.sh asks on stdin (below)
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Bench;
using CafeMenu.Menu;
using A = CafeMenu.Menu.OrdersTable.Attributes;
using M = CafeMenu.Menu.MenuTable.Attributes;

var inv = CultureInfo.InvariantCulture;
if (args is not ["seed", _, _, _, _] and not ["run", _, _, _, "tx" or "place" or "place-cc" or "queue" or "queue-cc", _, _] and not ["serve", _, _, _])
{
    Console.Error.WriteLine("usage: seed <endpoint> <menu-table> <orders-table> <open-orders> | run <endpoint> <menu-table> <orders-table> <tx|place|place-cc|queue|queue-cc> <workers> <seconds> | serve <endpoint> <menu-table> <orders-table>");
    return 2;
}

using var client = CeilingBench.Client(args[1]);
var menuTable = args[2];
var ordersTable = args[3];

if (args[0] == "seed")
{
    await CeilingBench.WaitForDynamoDbAsync(client);

    await TableSetup.EnsureMenuTableAsync(client, menuTable);
    await OrdersTableSetup.EnsureAsync(client, ordersTable);
    for (var i = 0; i < Shape.Products; i++)
    {
        // No stock attribute: the café does not count these portions, so every line is a ConditionCheck and no order runs out.
        var item = new MenuItem
        {
            ProductName = Shape.ProductName(i),
            Price = Shape.Price(i),
            ProductGroup = i % 2 == 0 ? "coffee" : "pastry",
            Description = "A menu item of typical size for the orders bench.",
            Tags = ["hot"],
            Version = 1,
        };
        await client.PutItemAsync(new PutItemRequest { TableName = menuTable, Item = MenuItemMapper.ToAttributes(item) });
    }

    var openOrders = int.Parse(args[4], inv);
    var start = DateTimeOffset.UtcNow.AddMinutes(-30);
    for (var i = 0; i < openOrders; i++)
    {
        var order = Shape.NewOrder($"queue-guest-{i % 50:00}", start.AddSeconds(i), Random.Shared);
        await client.PutItemAsync(new PutItemRequest { TableName = ordersTable, Item = OrderMapper.ToAttributes(order, null, Shape.RequestHash(order)) });
    }

    return 0;
}

var conflicts = 0;

// MenuProductsReader.ReadAsync: one BatchGetItem, strongly consistent, projection name, price, tags, stock; unprocessed keys asked again.
async Task ReadProductsAsync(IReadOnlyList<OrderLine> lines, ReturnConsumedCapacity? capacity)
{
    var keys = lines.Select(l => MenuItemMapper.Key(l.ProductName)).ToList();
    while (keys.Count > 0)
    {
        var response = await client.BatchGetItemAsync(new BatchGetItemRequest
        {
            RequestItems = new()
            {
                [menuTable] = new KeysAndAttributes
                {
                    Keys = keys,
                    ConsistentRead = true,
                    ProjectionExpression = "#pk, #price, #tags, #stock",
                    ExpressionAttributeNames = new() { ["#pk"] = M.ProductName, ["#price"] = M.Price, ["#tags"] = M.Tags, ["#stock"] = M.Stock },
                },
            },
            ReturnConsumedCapacity = capacity,
        });
        if ((response.Responses?.GetValueOrDefault(menuTable)?.Count ?? 0) + (response.UnprocessedKeys?.GetValueOrDefault(menuTable)?.Keys?.Count ?? 0) == 0)
        {
            throw new InvalidOperationException("the menu items are missing: seed first");
        }

        keys = response.UnprocessedKeys?.GetValueOrDefault(menuTable)?.Keys ?? [];
    }
}

// OrderPlacement.Transaction + WriteAsync: Put with attribute_not_exists, one ConditionCheck per line (no stock counted),
// a fresh ClientRequestToken (no Idempotency-Key), TransactionConflict tried again with the Api's jittered delay.
async Task WriteOrderAsync(IReadOnlyList<OrderLine> lines, string guestId, ReturnConsumedCapacity? capacity)
{
    var order = Shape.NewOrder(guestId, DateTimeOffset.UtcNow, lines);
    var transaction = new TransactWriteItemsRequest
    {
        ClientRequestToken = Guid.NewGuid().ToString("N"),
        ReturnConsumedCapacity = capacity,
        TransactItems =
        [
            new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = ordersTable,
                    Item = OrderMapper.ToAttributes(order, null, Shape.RequestHash(order), []),
                    ConditionExpression = "attribute_not_exists(#g)",
                    ExpressionAttributeNames = new() { ["#g"] = A.GuestId },
                },
            },
            .. lines.Select(line => new TransactWriteItem
            {
                ConditionCheck = new ConditionCheck
                {
                    TableName = menuTable,
                    Key = MenuItemMapper.Key(line.ProductName),
                    ConditionExpression = "attribute_exists(#pk) AND #price = :price AND NOT contains(#tags, :out_of_stock) AND attribute_not_exists(#stock)",
                    ExpressionAttributeNames = new() { ["#pk"] = M.ProductName, ["#price"] = M.Price, ["#tags"] = M.Tags, ["#stock"] = M.Stock },
                    ExpressionAttributeValues = new()
                    {
                        [":price"] = MenuItemMapper.Number(line.UnitPrice),
                        [":out_of_stock"] = new() { S = MenuTable.OutOfStockTag },
                    },
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
            }),
        ],
    };
    for (var attempt = 1; ; attempt++)
    {
        try
        {
            await client.TransactWriteItemsAsync(transaction);
            return;
        }
        catch (TransactionCanceledException e) when (e.CancellationReasons?.Any(r => r.Code == "TransactionConflict") == true && attempt < 8)
        {
            Interlocked.Increment(ref conflicts);
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40) * attempt));
        }
    }
}

// OrdersRepository.ListQueueAsync with the default limit: Query on queue_GSI, queue = "open", oldest first, eventually
// consistent, the expiry filter; one page of 25 (nothing in the queue has expired, so one page fills the limit, as in the Api).
Task QueueAsync(ReturnConsumedCapacity? capacity) => client.QueryAsync(new QueryRequest
{
    ReturnConsumedCapacity = capacity,
    TableName = ordersTable,
    IndexName = OrdersTable.QueueIndex,
    KeyConditionExpression = "#q = :open",
    FilterExpression = "(attribute_not_exists(#expires_at) OR #expires_at > :now)",
    ExpressionAttributeNames = new() { ["#q"] = A.Queue, ["#expires_at"] = A.ExpiresAt },
    ExpressionAttributeValues = new()
    {
        [":open"] = new() { S = OrdersTable.QueueOpen },
        [":now"] = OrderMapper.EpochSeconds(DateTimeOffset.UtcNow),
    },
    ConsistentRead = false,
    ScanIndexForward = true,
    Limit = Shape.QueuePage,
});

// The raw side asks for no consumed capacity, as bench/load/Ceiling; the Api's telemetry asks for TOTAL on every call
// (ServiceDefaults/AwsSdk/DynamoDbRequestInfo.cs), which costs DynamoDB Local CPU. The "-cc" operations ask for TOTAL too:
// byte for byte the requests the Api sends.
ReturnConsumedCapacity? total = ReturnConsumedCapacity.TOTAL;
async Task PlaceAsync(ReturnConsumedCapacity? capacity)
{
    var lines = Shape.Lines(Random.Shared);
    await ReadProductsAsync(lines, capacity);
    await WriteOrderAsync(lines, Shape.Guest(Random.Shared), capacity);
}

var calls = new Dictionary<string, Func<Task>>
{
    ["tx"] = () => WriteOrderAsync(Shape.Lines(Random.Shared), Shape.Guest(Random.Shared), null),
    ["place"] = () => PlaceAsync(null),
    ["place-cc"] = () => PlaceAsync(total),
    ["queue"] = () => QueueAsync(null),
    ["queue-cc"] = () => QueueAsync(total),
};

if (args[0] == "run")
{
    var (latencies, errors) = await CeilingBench.MeasureAsync(calls[args[4]], int.Parse(args[5], inv), TimeSpan.FromSeconds(double.Parse(args[6], inv)));
    var duration = double.Parse(args[6], inv);
    var all = latencies.Order().ToArray();
    double Percentile(double p) => CeilingBench.Percentile(all, p);
    Console.WriteLine(string.Create(inv, $"{all.Length / duration:F0} {Percentile(0.50):F2} {Percentile(0.99):F2} {all.Length} {errors} {conflicts}"));
    return 0;
}

// serve: one warm process for the whole bench, so that no slice pays .NET start-up and JIT. Each stdin line
// "<operation> <workers> <seconds> <file>" runs one slice, writes its latencies (microseconds, one a line) to <file>
// and answers one line: requests elapsed_seconds errors conflicts_retried cpu_seconds_of_this_process.
while (Console.ReadLine() is { } line)
{
    var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (parts is not [var op, var w, var secs, var file] || !calls.TryGetValue(op, out var slice))
    {
        Console.WriteLine("bad request");
        continue;
    }

    conflicts = 0;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var (latencies, errors) = await CeilingBench.MeasureAsync(slice, int.Parse(w, inv), TimeSpan.FromSeconds(double.Parse(secs, inv)));
    var elapsed = clock.Elapsed.TotalSeconds;
    var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    await File.WriteAllLinesAsync(file, latencies.Select(ms => ((long)Math.Round(ms * 1000)).ToString(inv)));
    Console.WriteLine(string.Create(inv, $"{latencies.Count} {elapsed:F3} {errors} {conflicts} {used:F3}"));
}

return 0;

/// <summary>
/// The bench's order, the same as bench/orders/place.lua sends to the Api: a guest out of 1,000, three consecutive menu items
/// out of 40 (distinct), quantities 1 to 3, the menu's prices.
/// </summary>
internal static class Shape
{
    public const int Products = 40;
    public const int LinesPerOrder = 3;
    public const int Guests = 1000;
    public const int QueuePage = 25;

    public static string ProductName(int i) => $"Item {i:00}";

    public static decimal Price(int i) => 2.50m + i;

    public static string Guest(Random random) => $"guest-{random.Next(Guests):0000}";

    public static List<OrderLine> Lines(Random random)
    {
        var first = random.Next(Products);
        return Enumerable.Range(0, LinesPerOrder).Select(k => (first + k) % Products).Select(p => new OrderLine
        {
            ProductName = ProductName(p),
            Quantity = 1 + random.Next(3),
            UnitPrice = Price(p) + 0.00m,
        }).ToList();
    }

    public static Order NewOrder(string guestId, DateTimeOffset now, Random random) => NewOrder(guestId, now, Lines(random));

    // OrderPlacement.Create: the total from the lines, expiry 12 h ahead in whole seconds.
    public static Order NewOrder(string guestId, DateTimeOffset now, IReadOnlyList<OrderLine> lines) => new()
    {
        GuestId = guestId,
        OrderId = OrderId.New(now),
        Status = OrderStatus.Placed,
        PickupName = "Guest " + guestId[^4..],
        Lines = lines,
        Total = Order.TotalOf(lines) + 0.00m,
        Version = 1,
        CreatedAt = now,
        UpdatedAt = now,
        ExpiresAt = DateTimeOffset.FromUnixTimeSeconds((now + TimeSpan.FromHours(12)).ToUnixTimeSeconds()),
    };

    // OrderHashes.Request: a SHA-256 over the request's content, stored with the order (the same size and cost as the Api's).
    public static string RequestHash(Order order)
    {
        var text = new StringBuilder().Append(order.GuestId).Append('\n').Append(order.PickupName);
        foreach (var line in order.Lines)
        {
            text.Append('\n').Append(line.ProductName).Append('\t').Append(line.Quantity.ToString(CultureInfo.InvariantCulture))
                .Append('\t').Append(line.UnitPrice.ToString(CultureInfo.InvariantCulture));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
