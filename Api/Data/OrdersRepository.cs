using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Api.Telemetry;
using CafeMenu.Menu;
using Microsoft.Extensions.Options;
using A = CafeMenu.Menu.OrdersTable.Attributes;

namespace CafeMenu.Api.Data;

/// <summary>The order reads: each access pattern one GetItem or Query (docs/orders.md), never a Scan; expired orders left out.</summary>
internal sealed class OrdersRepository(
    IAmazonDynamoDB dynamo, IOptions<OrdersApiOptions> options, TimeProvider time, ApiTelemetry telemetry, ILogger<OrdersRepository> logger)
{
    public const int MaxPageSize = 100;

    private static readonly string[] TableKey = [A.GuestId, A.OrderId];
    private static readonly string[] StatusIndexKey = [A.GuestId, A.OrderId, A.StatusOrder];
    private static readonly string[] QueueIndexKey = [A.Queue, A.OrderId, A.GuestId];

    /// <summary>Cursors are bound to the guest and the range (and status), so one listing's cursor never resumes another.</summary>
    public static Listing GuestOrders(string guestId, string? status, string lower, string upper) => status is null
        ? new($"orders:{guestId}:{lower}:{upper}", TableKey)
        : new($"orders-in-status:{guestId}:{status}:{lower}:{upper}", StatusIndexKey);

    public static readonly Listing KitchenQueue = new("kitchen-queue", QueueIndexKey);

    private string Table => options.Value.TableName;

    /// <summary>GetItem by the full key, strongly consistent (an ETag read right after a change is the one to send back).</summary>
    public async Task<Order?> GetAsync(string guestId, string orderId, CancellationToken cancellationToken) =>
        (await GetStoredAsync(guestId, orderId, cancellationToken))?.Order;

    /// <summary>As <see cref="GetAsync"/>, with the stored attributes beside the order for writes that need more than it carries.</summary>
    public async Task<StoredOrder?> GetStoredAsync(string guestId, string orderId, CancellationToken cancellationToken)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = Table, Key = OrderMapper.Key(guestId, orderId), ConsistentRead = true }, cancellationToken);
        if (response.Item is not { Count: > 0 } item) return null;
        var order = Map(item);
        return OrderExpiry.HasExpired(order, time.GetUtcNow()) ? null : new(order, item);
    }

    /// <summary>
    /// The order this guest placed with this Idempotency-Key (hashed) within the window, and the request hash it was placed
    /// with: a Query on the guest's recent orders (order_id from the window's start) filtered on the key. Expired orders
    /// count: a key names one placement, whatever became of it.
    /// </summary>
    public async Task<(Order Order, string RequestHash)?> FindByIdempotencyKeyAsync(string guestId, string keyHash, CancellationToken cancellationToken)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.QueryAsync(new QueryRequest
            {
                TableName = Table,
                KeyConditionExpression = "#g = :g AND #o >= :since",
                FilterExpression = "#key = :key",
                ExpressionAttributeNames = new() { ["#g"] = A.GuestId, ["#o"] = A.OrderId, ["#key"] = A.IdempotencyKey },
                ExpressionAttributeValues = new()
                {
                    [":g"] = new AttributeValue { S = guestId },
                    [":since"] = new AttributeValue { S = OrderId.LowerBound(time.GetUtcNow() - options.Value.IdempotencyWindow) },
                    [":key"] = new AttributeValue { S = keyHash },
                },
                ConsistentRead = true,
                ExclusiveStartKey = start,
            }, cancellationToken);
            if (page.Items?.FirstOrDefault() is { } item)
            {
                return (Map(item), item.TryGetValue(A.RequestHash, out var hash) ? hash.S ?? "" : "");
            }

            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return null;
    }

    /// <summary>A guest's orders created between two times, newest first: Query on the table, order_id BETWEEN.</summary>
    public Task<OrdersPageResult> ListAsync(string guestId, string lower, string upper, int limit, Dictionary<string, AttributeValue>? start, CancellationToken cancellationToken) =>
        QueryAsync("orders.list", limit, start, TableKey, request =>
        {
            request.KeyConditionExpression = "#g = :g AND #o BETWEEN :lower AND :upper";
            request.ExpressionAttributeNames["#o"] = A.OrderId;
            request.ExpressionAttributeValues[":lower"] = new AttributeValue { S = lower };
            request.ExpressionAttributeValues[":upper"] = new AttributeValue { S = upper };
            request.ExpressionAttributeValues[":g"] = new AttributeValue { S = guestId };
            request.ScanIndexForward = false;
        }, cancellationToken);

    /// <summary>
    /// A guest's orders in one status, newest first: Query on the local index status_LSI, status_order begins_with
    /// "status#", or BETWEEN "status#lower" AND "status#upper" when a time range is given.
    /// </summary>
    public Task<OrdersPageResult> ListInStatusAsync(
        string guestId, string status, (string Lower, string Upper)? range, int limit, Dictionary<string, AttributeValue>? start, CancellationToken cancellationToken) =>
        QueryAsync("orders.list_in_status", limit, start, StatusIndexKey, request =>
        {
            request.IndexName = OrdersTable.StatusIndex;
            request.ExpressionAttributeNames["#so"] = A.StatusOrder;
            request.ExpressionAttributeValues[":g"] = new AttributeValue { S = guestId };
            if (range is { } r)
            {
                request.KeyConditionExpression = "#g = :g AND #so BETWEEN :lower AND :upper";
                request.ExpressionAttributeValues[":lower"] = new AttributeValue { S = OrderMapper.StatusOrder(status, r.Lower) };
                request.ExpressionAttributeValues[":upper"] = new AttributeValue { S = OrderMapper.StatusOrder(status, r.Upper) };
            }
            else
            {
                request.KeyConditionExpression = "#g = :g AND begins_with(#so, :prefix)";
                request.ExpressionAttributeValues[":prefix"] = new AttributeValue { S = status + "#" };
            }

            request.ScanIndexForward = false;
        }, cancellationToken);

    /// <summary>
    /// The kitchen queue, oldest first across guests: Query on the sparse queue_GSI (queue = "open"). Only open orders carry
    /// <c>queue</c>, so the index holds nothing else. GSI reads are eventually consistent: a change shows within about a second.
    /// </summary>
    public Task<OrdersPageResult> ListQueueAsync(int limit, Dictionary<string, AttributeValue>? start, CancellationToken cancellationToken) =>
        QueryAsync("orders.queue", limit, start, QueueIndexKey, request =>
        {
            request.IndexName = OrdersTable.QueueIndex;
            request.KeyConditionExpression = "#q = :open";
            request.ExpressionAttributeNames["#q"] = A.Queue;
            request.ExpressionAttributeValues[":open"] = new AttributeValue { S = OrdersTable.QueueOpen };
            request.ConsistentRead = false;
            request.ScanIndexForward = true;
        }, cancellationToken);

    private async Task<OrdersPageResult> QueryAsync(
        string operation, int limit, Dictionary<string, AttributeValue>? start, IReadOnlyList<string> keyAttributes, Action<QueryRequest> shape,
        CancellationToken cancellationToken)
    {
        using var activity = ApiTelemetry.Source.StartActivity(operation);
        var now = time.GetUtcNow();
        var pages = 0;
        var result = await OrdersPaging.ReadAsync(limit, start, keyAttributes, raw => TryMap(raw, operation, now), async (startKey, pageSize, ct) =>
        {
            pages++;
            var request = new QueryRequest
            {
                TableName = Table,
                FilterExpression = OrderExpiry.NotExpired,
                ExpressionAttributeNames = new() { ["#g"] = A.GuestId },
                ExpressionAttributeValues = [],
                ConsistentRead = true,
                Limit = pageSize,
                ExclusiveStartKey = startKey,
            };
            OrderExpiry.AddTo(request.ExpressionAttributeNames, request.ExpressionAttributeValues, now);
            shape(request);
            // The queue's key condition does not name guest_id; DynamoDB refuses unused names.
            if (!request.KeyConditionExpression.Contains("#g", StringComparison.Ordinal)) request.ExpressionAttributeNames.Remove("#g");
            return await dynamo.QueryAsync(request, ct);
        }, cancellationToken);
        activity?.SetTag("cafemenu.pages_read", pages);
        activity?.SetTag("cafemenu.items_returned", result.Items.Count);
        return result;
    }

    /// <summary>The stored order, or <see cref="UnrepresentableItemException"/> (a 422) when the Api cannot represent it.</summary>
    private static Order Map(Dictionary<string, AttributeValue> item) =>
        OrderMapper.TryFromAttributes(item, out var order, out var problem) ? order : throw new UnrepresentableItemException(Describe(item), problem);

    /// <summary>One stored order the Api cannot represent must not take a listing down: it is left out, logged and counted.</summary>
    private Order? TryMap(Dictionary<string, AttributeValue> item, string operation, DateTimeOffset now)
    {
        if (OrderMapper.TryFromAttributes(item, out var order, out var problem)) return OrderExpiry.HasExpired(order, now) ? null : order;
        telemetry.Unrepresentable(operation);
        Log.UnrepresentableItem(logger, Describe(item), operation, problem);
        return null;
    }

    private static string Describe(Dictionary<string, AttributeValue> item) =>
        $"order {(item.TryGetValue(A.GuestId, out var g) ? g.S : "?")}/{(item.TryGetValue(A.OrderId, out var o) ? o.S : "?")}";
}

/// <summary>An order as the Api answers it and the attributes it was read from.</summary>
internal sealed record StoredOrder(Order Order, Dictionary<string, AttributeValue> Item);
