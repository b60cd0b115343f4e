using System.Text.Json.Serialization;
using CafeMenu.Menu;

namespace CafeMenu.Api.Apis;

/// <summary>The body of POST /orders. Elements of <c>lines</c> may be null in JSON, so that a null is answered by position.</summary>
internal sealed record PlaceOrderRequest
{
    [JsonPropertyName("guest_id")]
    public required string GuestId { get; init; }

    [JsonPropertyName("pickup_name")]
    public required string PickupName { get; init; }

    [JsonPropertyName("lines")]
    public required IReadOnlyList<OrderLine?> Lines { get; init; }
}

/// <summary>The body of PATCH .../status: the status to move to.</summary>
internal sealed record StatusChangeRequest
{
    [JsonPropertyName("status")]
    public required string Status { get; init; }
}

/// <summary>One page of orders; <c>next_cursor</c> is null on the last page.</summary>
internal sealed record OrdersPage(IReadOnlyList<Order> Items, string? NextCursor);

/// <summary>A product that appears on more than one line of one order, with the zero-based positions.</summary>
internal sealed record DuplicateLineEntry(string ProductName, IReadOnlyList<int> Positions);
