using CafeMenu.Menu;

namespace CafeMenu.Api.Data;

/// <summary>Settings of section <c>Orders</c>.</summary>
internal sealed class OrdersApiOptions
{
    public const string SectionName = "Orders";

    /// <summary>The DynamoDB table; tests use a fresh one per class.</summary>
    public string TableName { get; set; } = OrdersTable.DefaultName;

    /// <summary>How long an order that is not collected lives (its TTL, expires_at); reads leave it out afterwards.</summary>
    public TimeSpan UnpaidExpiry { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How far back a repeated Idempotency-Key is looked up, so the same request gives the same order.</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);
}
