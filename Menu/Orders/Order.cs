using System.Text.Json.Serialization;

namespace CafeMenu.Menu;

/// <summary>One order as stored in the Orders table and answered by the Api (snake_case, exact decimals).</summary>
public sealed record Order
{
    [JsonPropertyName("guest_id")]
    public required string GuestId { get; init; }

    [JsonPropertyName("order_id")]
    public required string OrderId { get; init; }

    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("pickup_name")]
    public required string PickupName { get; init; }

    [JsonPropertyName("lines")]
    public required IReadOnlyList<OrderLine> Lines { get; init; }

    /// <summary>Sum of quantity × unit price, computed by the Api from the menu's prices, never taken from the client.</summary>
    [JsonPropertyName("total")]
    public required decimal Total { get; init; }

    /// <summary>Optimistic-concurrency version (the ETag), incremented by every status change.</summary>
    [JsonPropertyName("version")]
    public long Version { get; init; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; init; }

    [JsonPropertyName("updated_at")]
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When an order that is not collected expires (TTL); null once collected.</summary>
    [JsonPropertyName("expires_at")]
    public DateTimeOffset? ExpiresAt { get; init; }

    [JsonPropertyName("next_steps")]
    public IReadOnlyList<string> NextSteps => OrderStatus.NextSteps(Status);

    public static decimal TotalOf(IEnumerable<OrderLine> lines) => lines.Sum(l => l.LineTotal);
}
