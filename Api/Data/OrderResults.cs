using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;

namespace CafeMenu.Api.Data;

/// <summary>What an order placement did.</summary>
internal enum PlaceStatus
{
    Placed,
    /// <summary>The Idempotency-Key was used before for this very request: the order it placed, nothing new written.</summary>
    Replayed,
    /// <summary>A line cannot be ordered as sent (see <see cref="PlaceResult.Refused"/>); nothing written.</summary>
    Refused,
    /// <summary>The Idempotency-Key was used before for a different request; nothing written.</summary>
    KeyReused,
}

internal sealed record PlaceResult(PlaceStatus Status, Order? Order = null, IReadOnlyList<RefusedLine>? Refused = null);

/// <summary>A line the menu refuses, by its zero-based position: why, and what the menu holds now.</summary>
internal sealed record RefusedLine(int Line, string ProductName, string Reason, decimal? CurrentPrice = null, long? StockLeft = null);

/// <summary>What a status change did.</summary>
internal enum AdvanceStatus
{
    Done,
    NotFound,
    /// <summary>The order's version is not one If-Match named (412).</summary>
    Stale,
    /// <summary>The version matched, but the order's status does not allow this step (409).</summary>
    NotAllowed,
}

/// <param name="Order">The order after the change; otherwise the order as it is now.</param>
internal sealed record AdvanceResult(AdvanceStatus Status, Order? Order = null);

/// <summary>One page of orders and the key to resume from (null when the listing is exhausted).</summary>
internal sealed record OrdersPageResult(IReadOnlyList<Order> Items, Dictionary<string, AttributeValue>? LastKey);

/// <summary>An order as the guest sent it, already validated.</summary>
internal sealed record NewOrder(string GuestId, string PickupName, IReadOnlyList<OrderLine> Lines, string? IdempotencyKey);
