using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using Microsoft.Extensions.Options;
using A = CafeMenu.Menu.OrdersTable.Attributes;

namespace CafeMenu.Api.Data;

/// <summary>
/// A status change is a strongly consistent read, then one UpdateItem whose ConditionExpression holds the step's one
/// allowed predecessor and the version If-Match named, so of two staff advancing one order with one ETag exactly one
/// wins. Closing an order (collected, cancelled) removes <c>queue</c>, so it leaves the sparse queue_GSI; a collected
/// order also loses expires_at and is kept.
/// </summary>
internal sealed class OrderStatusWrites(
    IAmazonDynamoDB dynamo, IOptions<OrdersApiOptions> options, OrdersRepository orders, OrderCancellation cancellation, TimeProvider time)
{
    public async Task<AdvanceResult> AdvanceAsync(string guestId, string orderId, string target, VersionCondition condition, CancellationToken cancellationToken)
    {
        // Read first: a step on an order the Api cannot represent is a 422 before anything is written (the write alone would
        // change the order and then fail to answer it), and a cancellation takes its portions from this same read.
        if (await orders.GetStoredAsync(guestId, orderId, cancellationToken) is not { } stored) return new(AdvanceStatus.NotFound);
        // If-Match named only tags that are no version of ours: the precondition fails, with no write tried.
        if (condition is { AnyVersion: false, Versions.Count: 0 }) return new(AdvanceStatus.Stale, stored.Order);

        var now = time.GetUtcNow();
        var writeId = Guid.NewGuid().ToString("N");
        var request = Update(guestId, orderId, target, condition, now, writeId);
        var portions = target == OrderStatus.Cancelled ? OrderCancellation.PortionsTaken(stored) : [];
        try
        {
            if (portions.Count == 0)
            {
                var response = await dynamo.UpdateItemAsync(request, cancellationToken);
                return new(AdvanceStatus.Done, Map(response.Attributes));
            }

            return await CancelReturningPortionsAsync(request, portions, guestId, orderId, cancellationToken);
        }
        catch (ConditionalCheckFailedException e)
        {
            return Explain(e.Item, condition, now, writeId);
        }
        catch (TransactionCanceledException e) when (e.CancellationReasons?.FirstOrDefault()?.Code == "ConditionalCheckFailed")
        {
            return Explain(e.CancellationReasons[0].Item, condition, now, writeId);
        }
    }

    /// <summary>
    /// The cancellation and its portions in one transaction. A product deleted from the menu meanwhile fails its check;
    /// it is left out and the rest is tried again, as often as products keep disappearing between attempts.
    /// </summary>
    private async Task<AdvanceResult> CancelReturningPortionsAsync(
        UpdateItemRequest step, IReadOnlyList<OrderLine> portions, string guestId, string orderId, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                if (portions.Count == 0) return new(AdvanceStatus.Done, Map((await dynamo.UpdateItemAsync(step, cancellationToken)).Attributes));
                await cancellation.WriteAsync(step, portions, cancellationToken);
                break;
            }
            catch (TransactionCanceledException e) when (e.CancellationReasons?.FirstOrDefault()?.Code == "None")
            {
                var remaining = portions.Where((_, i) => e.CancellationReasons.ElementAtOrDefault(i + 1)?.Code != "ConditionalCheckFailed").ToList();
                if (remaining.Count == portions.Count) throw; // cancelled for another reason (a conflict): not a deleted product
                portions = remaining;
            }
        }

        // A transaction returns no item: the order is read back, strongly consistent.
        return await orders.GetAsync(guestId, orderId, cancellationToken) is { } cancelled ? new(AdvanceStatus.Done, cancelled) : new(AdvanceStatus.NotFound);
    }

    private UpdateItemRequest Update(string guestId, string orderId, string target, VersionCondition condition, DateTimeOffset now, string writeId)
    {
        var names = new Dictionary<string, string>
        {
            ["#g"] = A.GuestId, ["#status"] = A.Status, ["#status_order"] = A.StatusOrder, ["#version"] = A.Version, ["#updated_at"] = A.UpdatedAt,
            ["#write_id"] = A.WriteId,
        };
        var values = new Dictionary<string, AttributeValue>
        {
            [":from"] = new() { S = OrderStatus.PredecessorOf(target) },
            [":to"] = new() { S = target },
            [":status_order"] = new() { S = OrderMapper.StatusOrder(target, orderId) },
            [":one"] = OrderMapper.Number(1),
            [":updated_at"] = new() { S = OrderMapper.Time(now) },
            [":write_id"] = new() { S = writeId },
        };
        OrderExpiry.AddTo(names, values, now);
        var remove = new List<string>();
        if (!OrderStatus.IsOpen(target))
        {
            names["#queue"] = A.Queue;
            remove.Add("#queue");
        }

        // Only an order that was never collected expires; a collected one stays in the guest's history.
        if (target == OrderStatus.Collected) remove.Add(OrderExpiry.NameToken);

        var version = UpdateBuilder.VersionClause(condition, names, values);
        var set = "SET #status = :to, #status_order = :status_order, #version = #version + :one, #updated_at = :updated_at, #write_id = :write_id";
        return new UpdateItemRequest
        {
            TableName = options.Value.TableName,
            Key = OrderMapper.Key(guestId, orderId),
            UpdateExpression = remove.Count == 0 ? set : $"{set} REMOVE {string.Join(", ", remove)}",
            ConditionExpression = $"attribute_exists(#g) AND #status = :from AND {OrderExpiry.NotExpired}" + (version is null ? "" : $" AND {version}"),
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
            ReturnValues = ReturnValue.ALL_NEW,
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
    }

    /// <summary>Why the condition failed, from the order as it is (ALL_OLD).</summary>
    private static AdvanceResult Explain(Dictionary<string, AttributeValue>? old, VersionCondition condition, DateTimeOffset now, string writeId)
    {
        if (old is not { Count: > 0 }) return new(AdvanceStatus.NotFound);
        var current = Map(old);
        if (OrderExpiry.HasExpired(current, now)) return new(AdvanceStatus.NotFound);
        // The SDK retried an attempt that had been applied: the order carries this very request's write id. A timestamp
        // would not do: two requests can share a clock tick (seen on the menu's PATCH), and the loser would answer 200.
        if (old.TryGetValue(A.WriteId, out var written) && written.S == writeId) return new(AdvanceStatus.Done, current);
        return condition.Allows(current.Version) ? new(AdvanceStatus.NotAllowed, current) : new(AdvanceStatus.Stale, current);
    }

    private static Order Map(Dictionary<string, AttributeValue> item) =>
        OrderMapper.TryFromAttributes(item, out var order, out var problem) ? order : throw new UnrepresentableItemException(
            $"order {item.GetValueOrDefault(A.GuestId)?.S}/{item.GetValueOrDefault(A.OrderId)?.S}", problem);
}
