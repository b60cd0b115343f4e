using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;

namespace CafeMenu.Api.Data;

/// <summary>
/// Reads pages of one order Query until <c>limit</c> orders are collected or the listing ends. Every order listing has a
/// filter (expired orders are left out, see <see cref="OrderExpiry"/>), so a page can hold fewer orders than asked, or none,
/// while more follow: the next page is read from LastEvaluatedKey. When the limit is reached inside a page, the key of the
/// last order returned is the resume point (valid for the table and both indexes, which project every key attribute).
/// </summary>
internal static class OrdersPaging
{
    public delegate Task<QueryResponse> PageReader(Dictionary<string, AttributeValue>? start, int pageSize, CancellationToken cancellationToken);

    public static async Task<OrdersPageResult> ReadAsync(
        int limit, Dictionary<string, AttributeValue>? start, IReadOnlyList<string> keyAttributes, Func<Dictionary<string, AttributeValue>, Order?> map,
        PageReader readPage, CancellationToken cancellationToken)
    {
        var orders = new List<Order>(limit);
        while (true)
        {
            // Asking for the missing count keeps reads small: expired orders are rare, so one page is the usual case.
            var page = await readPage(start, limit - orders.Count, cancellationToken);
            var lastKey = page.LastEvaluatedKey is { Count: > 0 } key ? key : null;
            var usable = (page.Items ?? []).Select(raw => (raw, order: map(raw))).Where(x => x.order is not null).ToList();
            var taken = Math.Min(usable.Count, limit - orders.Count);
            orders.AddRange(usable.Take(taken).Select(x => x.order!));
            if (orders.Count == limit)
            {
                var next = taken == usable.Count ? lastKey : KeyOf(usable[taken - 1].raw, keyAttributes);
                return new(orders, next);
            }

            if (lastKey is null) return new(orders, null);
            start = lastKey;
        }
    }

    private static Dictionary<string, AttributeValue> KeyOf(Dictionary<string, AttributeValue> item, IReadOnlyList<string> keyAttributes) =>
        keyAttributes.ToDictionary(name => name, name => item[name]);
}
