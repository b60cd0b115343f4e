using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using Microsoft.Extensions.Options;
using A = CafeMenu.Menu.OrdersTable.Attributes;
using M = CafeMenu.Menu.MenuTable.Attributes;

namespace CafeMenu.Api.Data;

/// <summary>
/// Places an order in named steps: answer a replayed Idempotency-Key with its order; read the ordered products; refuse
/// what is already wrong; write the order in ONE TransactWriteItems whose conditions hold, at write time, everything the
/// read showed (the product exists, is not tagged out of stock, has the price the guest saw, and has the portions when
/// the café counts them). Nothing is written unless every condition holds.
/// </summary>
internal sealed class OrderPlacement(
    IAmazonDynamoDB dynamo, IOptions<OrdersApiOptions> options, MenuProductsReader products, OrdersRepository orders, TimeProvider time)
{
    /// <summary>Concurrent transactions on one product (the last portions) cancel each other with TransactionConflict; they are tried again.</summary>
    private const int MaxConflictAttempts = 8;

    public async Task<PlaceResult> PlaceAsync(NewOrder request, CancellationToken cancellationToken)
    {
        var keyHash = request.IdempotencyKey is { } key ? OrderHashes.IdempotencyKey(request.GuestId, key) : null;
        var requestHash = OrderHashes.Request(request);

        if (keyHash is not null && await FindPlacedAsync(request.GuestId, keyHash, requestHash, cancellationToken) is { } earlier) return earlier;

        var menu = await products.ReadAsync(request.Lines.Select(l => l.ProductName), cancellationToken);

        var refused = request.Lines.Select((line, i) => OrderLineCheck.Refusal(i, line, menu.GetValueOrDefault(line.ProductName))).OfType<RefusedLine>().ToList();
        if (refused.Count > 0) return new(PlaceStatus.Refused, Refused: refused);

        var order = Create(request);
        var transaction = Transaction(order, request.Lines, menu, keyHash, requestHash);
        return await WriteAsync(transaction, order, request, keyHash, requestHash, cancellationToken);
    }

    /// <summary>Step 1: the key was used before, for this request (a replay) or for another one.</summary>
    private async Task<PlaceResult?> FindPlacedAsync(string guestId, string keyHash, string requestHash, CancellationToken cancellationToken)
    {
        if (await orders.FindByIdempotencyKeyAsync(guestId, keyHash, cancellationToken) is not { } found) return null;
        return found.RequestHash == requestHash ? new(PlaceStatus.Replayed, found.Order) : new(PlaceStatus.KeyReused, found.Order);
    }

    /// <summary>Step 3: the order as it will be stored; the total is computed here from the prices the conditions hold, never taken from the client.</summary>
    private Order Create(NewOrder request)
    {
        var now = time.GetUtcNow();
        var lines = request.Lines.Select(l => l with { UnitPrice = l.UnitPrice + 0.00m }).ToList();
        return new Order
        {
            GuestId = request.GuestId,
            OrderId = OrderId.New(now),
            Status = OrderStatus.Placed,
            PickupName = request.PickupName,
            Lines = lines,
            Total = Order.TotalOf(lines) + 0.00m,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
            // Whole seconds, as TTL stores them, so the answer equals what is stored.
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds((now + options.Value.UnpaidExpiry).ToUnixTimeSeconds()),
        };
    }

    private TransactWriteItemsRequest Transaction(
        Order order, IReadOnlyList<OrderLine> lines, Dictionary<string, Dictionary<string, AttributeValue>> menu, string? keyHash, string requestHash) => new()
    {
        // With a key, its token: DynamoDB applies one token once within 10 minutes, and refuses it for different content
        // (IdempotentParameterMismatch). Without one, a fresh token still makes the SDK's own retries of this call safe.
        ClientRequestToken = keyHash is null ? Guid.NewGuid().ToString("N") : OrderHashes.ClientRequestToken(keyHash),
        TransactItems =
        [
            new TransactWriteItem
            {
                Put = new Put
                {
                    TableName = options.Value.TableName,
                    Item = OrderMapper.ToAttributes(order, keyHash, requestHash,
                        lines.Where(l => OrderLineCheck.CountsStock(menu.GetValueOrDefault(l.ProductName))).Select(l => l.ProductName).ToList()),
                    // The 48-bit random suffix makes a clash practically impossible; if one happens, nothing is overwritten.
                    ConditionExpression = "attribute_not_exists(#g)",
                    ExpressionAttributeNames = new() { ["#g"] = A.GuestId },
                },
            },
            .. lines.Select(line => LineAction(line, OrderLineCheck.CountsStock(menu.GetValueOrDefault(line.ProductName)))),
        ],
    };

    /// <summary>
    /// A ConditionCheck on the product; where the café counts portions, an Update that takes them instead, under the same
    /// conditions plus stock &gt;= quantity. Either way the product's state at write time decides, not the earlier read.
    /// </summary>
    private TransactWriteItem LineAction(OrderLine line, bool countsStock)
    {
        var names = new Dictionary<string, string> { ["#pk"] = M.ProductName, ["#price"] = M.Price, ["#tags"] = M.Tags, ["#stock"] = M.Stock };
        var values = new Dictionary<string, AttributeValue>
        {
            [":price"] = MenuItemMapper.Number(line.UnitPrice),
            [":out_of_stock"] = new() { S = MenuTable.OutOfStockTag },
        };
        var menuState = "attribute_exists(#pk) AND #price = :price AND NOT contains(#tags, :out_of_stock)";
        if (!countsStock)
        {
            return new TransactWriteItem
            {
                ConditionCheck = new ConditionCheck
                {
                    TableName = products.Table,
                    Key = MenuItemMapper.Key(line.ProductName),
                    // A product whose stock began to be counted since the read must take its portions: refuse, the guest retries.
                    ConditionExpression = $"{menuState} AND attribute_not_exists(#stock)",
                    ExpressionAttributeNames = names,
                    ExpressionAttributeValues = values,
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                },
            };
        }

        values[":quantity"] = MenuItemMapper.Number(line.Quantity);
        return new TransactWriteItem
        {
            Update = new Update
            {
                TableName = products.Table,
                Key = MenuItemMapper.Key(line.ProductName),
                // The menu item's version is left alone: portions are not an edit staff could conflict with.
                UpdateExpression = "SET #stock = #stock - :quantity",
                ConditionExpression = $"{menuState} AND #stock >= :quantity",
                ExpressionAttributeNames = names,
                ExpressionAttributeValues = values,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            },
        };
    }

    /// <summary>Step 4: one TransactWriteItems; a cancelled one says which line failed and why, from the product as it was.</summary>
    private async Task<PlaceResult> WriteAsync(
        TransactWriteItemsRequest transaction, Order order, NewOrder request, string? keyHash, string requestHash, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await dynamo.TransactWriteItemsAsync(transaction, cancellationToken);
                return new(PlaceStatus.Placed, order);
            }
            catch (TransactionCanceledException e) when (HasCode(e, "ConditionalCheckFailed"))
            {
                Activity.Current?.AddEvent(new ActivityEvent("cafemenu.order_refused"));
                return new(PlaceStatus.Refused, Refused: Refusals(e.CancellationReasons, request.Lines));
            }
            catch (TransactionCanceledException e) when (HasCode(e, "TransactionConflict") && attempt < MaxConflictAttempts)
            {
                // Another order took the same product at the same moment; after it, our conditions are evaluated afresh.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(10, 40) * attempt), time, cancellationToken);
            }
            catch (IdempotentParameterMismatchException) when (keyHash is not null)
            {
                // The same key placed a different transaction first (a concurrent request with this key): its order, or a 4xx.
                return await FindPlacedAsync(request.GuestId, keyHash, requestHash, cancellationToken) ?? new(PlaceStatus.KeyReused);
            }
        }
    }

    private static List<RefusedLine> Refusals(List<CancellationReason> reasons, IReadOnlyList<OrderLine> lines)
    {
        // Reason 0 is the order's Put; reason i is line i - 1.
        var refused = new List<RefusedLine>();
        for (var i = 1; i < reasons.Count && i - 1 < lines.Count; i++)
        {
            if (reasons[i].Code != "ConditionalCheckFailed") continue;
            var line = lines[i - 1];
            refused.Add(OrderLineCheck.Refusal(i - 1, line, reasons[i].Item) ?? new RefusedLine(i - 1, line.ProductName, RefusalReasons.MenuChanged));
        }

        if (refused.Count == 0) throw new InvalidOperationException("The order's own Put failed its attribute_not_exists condition: an order id clashed.");
        return refused;
    }

    private static bool HasCode(TransactionCanceledException e, string code) => e.CancellationReasons?.Any(r => r.Code == code) == true;
}
