using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;

namespace CafeMenu.Loader.Writing;

/// <summary>
/// Write capacity units by DynamoDB's pricing: a put costs 1 unit per started KB of the item (its size by DynamoDB's rules,
/// <see cref="ItemSize"/>), and 2 inside a transaction. For a new item that is exactly what DynamoDB charges; replacing a
/// larger item costs more, which only DynamoDB's answer tells.
/// </summary>
internal static class WriteCost
{
    public const int BytesPerUnit = 1024;

    public static double Of(IEnumerable<Dictionary<string, AttributeValue>> items, bool transactional) =>
        items.Sum(Of) * (transactional ? 2 : 1);

    public static double Of(IEnumerable<PendingItem> items, bool transactional) =>
        items.Sum(p => OfSize(p.Size)) * (transactional ? 2 : 1);

    public static double Of(Dictionary<string, AttributeValue> item) => OfSize(ItemSize.Of(item));

    private static double OfSize(int bytes) => Math.Max(1, Math.Ceiling(bytes / (double)BytesPerUnit));

    /// <summary>The units DynamoDB says a request consumed (ReturnConsumedCapacity TOTAL), or null when it said nothing.</summary>
    public static double? Reported(List<ConsumedCapacity>? capacity) =>
        capacity is { Count: > 0 } && capacity.Any(c => c.CapacityUnits is not null) ? capacity.Sum(c => c.CapacityUnits ?? 0) : null;
}
