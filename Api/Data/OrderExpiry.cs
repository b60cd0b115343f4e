using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;

namespace CafeMenu.Api.Data;

/// <summary>
/// TTL deletes expired items late (typically within days on real DynamoDB), so every read leaves out an order whose
/// expires_at has passed: a FilterExpression on Queries, a check after GetItem, a condition on status changes.
/// </summary>
internal static class OrderExpiry
{
    public const string NameToken = "#expires_at";
    public const string NowToken = ":now";

    /// <summary>Not expired: no expires_at (collected), or one still in the future.</summary>
    public const string NotExpired = $"(attribute_not_exists({NameToken}) OR {NameToken} > {NowToken})";

    public static void AddTo(Dictionary<string, string> names, Dictionary<string, AttributeValue> values, DateTimeOffset now)
    {
        names[NameToken] = OrdersTable.Attributes.ExpiresAt;
        values[NowToken] = OrderMapper.EpochSeconds(now);
    }

    public static bool HasExpired(Order order, DateTimeOffset now) => order.ExpiresAt is { } at && at.ToUnixTimeSeconds() <= now.ToUnixTimeSeconds();
}
