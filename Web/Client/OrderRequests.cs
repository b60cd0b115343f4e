using System.Text.Json.Serialization;
using CafeMenu.Menu;

namespace CafeMenu.Web.Client;

/// <summary>The body of <c>POST /orders</c>: who orders, the name the counter calls, and each line with the price the guest saw.</summary>
internal sealed record PlaceOrderRequest
{
    [JsonPropertyName("guest_id")]
    public required string GuestId { get; init; }

    [JsonPropertyName("pickup_name")]
    public required string PickupName { get; init; }

    [JsonPropertyName("lines")]
    public required IReadOnlyList<OrderLine> Lines { get; init; }
}

/// <summary>The body of <c>PATCH /guests/{guest_id}/orders/{order_id}/status</c>.</summary>
internal sealed record StatusChangeRequest([property: JsonPropertyName("status")] string Status);
