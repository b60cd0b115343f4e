using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using static CafeMenu.Api.Tests.Http;

namespace CafeMenu.Api.Tests;

/// <summary>Order requests and raw reads of the Orders table for the order tests.</summary>
internal static class Orders
{
    public static string Line(string product, string quantity = "1", string unitPrice = "3.50") =>
        $$"""{"product_name":{{JsonSerializer.Serialize(product)}},"quantity":{{quantity}},"unit_price":{{unitPrice}}}""";

    public static string Body(string guest, string pickupName = "Ada", params string[] lines) =>
        $$"""{"guest_id":{{JsonSerializer.Serialize(guest)}},"pickup_name":{{JsonSerializer.Serialize(pickupName)}},"lines":[{{string.Join(',', lines)}}]}""";

    public static string NewGuest() => "guest-" + Guid.NewGuid().ToString("N")[..12];

    public static string OrderPath(string guest, string orderId, string suffix = "") => $"/guests/{guest}/orders/{OrderId.UrlSegment(orderId)}{suffix}";

    public static async Task<HttpResponseMessage> PlaceAsync(this HttpClient client, string body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = Json(body) };
        if (idempotencyKey is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        return await client.SendAsync(request);
    }

    /// <summary>Places an order that must succeed; returns its id and ETag.</summary>
    public static async Task<(string OrderId, string ETag)> PlacedAsync(this HttpClient client, string body, string? idempotencyKey = null)
    {
        using var response = await client.PlaceAsync(body, idempotencyKey);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {text}");
        return (JsonDocument.Parse(text).RootElement.GetProperty("order_id").GetString()!, response.ETag());
    }

    public static Task<HttpResponseMessage> ChangeStatusAsync(this HttpClient client, string guest, string orderId, string status, string? ifMatch) =>
        client.PatchAsync(OrderPath(guest, orderId, "/status"), $$"""{"status":"{{status}}"}""", ifMatch);

    /// <summary>Adds menu items through the Api; extra is more JSON fields.</summary>
    public static async Task AddMenuItemAsync(this HttpClient client, string name, string price, string extra = "")
    {
        using var response = await client.PostAsync("/menu", Json(Item(name, price, extra)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Sets (or, with null, removes) the portions the café counts for a product, as staff or the Loader would store them.</summary>
    public static async Task SetStockAsync(ApiFactory api, string product, long? stock)
    {
        using var dynamo = api.Dynamo!.CreateClient();
        await dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = api.TableName,
            Key = MenuItemMapper.Key(product),
            UpdateExpression = stock is null ? "REMOVE #stock" : "SET #stock = :stock",
            ExpressionAttributeNames = new() { ["#stock"] = MenuTable.Attributes.Stock },
            ExpressionAttributeValues = stock is null ? null : new() { [":stock"] = new AttributeValue { N = stock.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) } },
        });
    }

    /// <summary>Every stored order of a guest, read past the Api (a Query of the raw table, no filter).</summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> RawOrdersAsync(ApiFactory api, string guest)
    {
        using var dynamo = api.Dynamo!.CreateClient();
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = api.OrdersTableName,
            KeyConditionExpression = "guest_id = :g",
            ExpressionAttributeValues = new() { [":g"] = new AttributeValue { S = guest } },
            ConsistentRead = true,
        });
        return response.Items;
    }

    public static async Task<Dictionary<string, AttributeValue>?> RawOrderAsync(ApiFactory api, string guest, string orderId)
    {
        using var dynamo = api.Dynamo!.CreateClient();
        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = api.OrdersTableName, Key = OrderMapper.Key(guest, orderId), ConsistentRead = true });
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>Every item of the Orders table rendered as text, to prove a refused request wrote nothing.</summary>
    public static async Task<List<string>> RawOrdersTableAsync(ApiFactory api)
    {
        using var dynamo = api.Dynamo!.CreateClient();
        var items = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.ScanAsync(new ScanRequest { TableName = api.OrdersTableName, ExclusiveStartKey = start, ConsistentRead = true });
            items.AddRange(page.Items.Select(RawTable.Render));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        items.Sort(StringComparer.Ordinal);
        return items;
    }

    /// <summary>Stores an order past the Api, created at a chosen time and in a chosen status, as the Api would have stored it.</summary>
    public static async Task<string> PutRawOrderAsync(ApiFactory api, string guest, DateTimeOffset createdAt, string status = OrderStatus.Placed, DateTimeOffset? expiresAt = null)
    {
        var order = new Order
        {
            GuestId = guest,
            OrderId = OrderId.New(createdAt),
            Status = status,
            PickupName = "Seeded",
            Lines = [new OrderLine { ProductName = "Latte", Quantity = 1, UnitPrice = 3.50m }],
            Total = 3.50m,
            Version = 1,
            CreatedAt = createdAt,
            UpdatedAt = createdAt,
            ExpiresAt = status == OrderStatus.Collected ? null : expiresAt ?? DateTimeOffset.UtcNow.AddHours(12),
        };
        using var dynamo = api.Dynamo!.CreateClient();
        await dynamo.PutItemAsync(new PutItemRequest { TableName = api.OrdersTableName, Item = OrderMapper.ToAttributes(order, null, "seeded") });
        return order.OrderId;
    }

    public static List<string> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("order_id").GetString()!).ToList();
}
