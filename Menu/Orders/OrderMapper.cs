using System.Globalization;
using Amazon.DynamoDBv2.Model;
using A = CafeMenu.Menu.OrdersTable.Attributes;
using L = CafeMenu.Menu.OrdersTable.LineAttributes;

namespace CafeMenu.Menu;

/// <summary>Maps <see cref="Order"/> to and from DynamoDB attribute values; numbers go through invariant text, never through double.</summary>
public static class OrderMapper
{
    public static Dictionary<string, AttributeValue> Key(string guestId, string orderId) => new()
    {
        [A.GuestId] = new() { S = guestId },
        [A.OrderId] = new() { S = orderId },
    };

    /// <summary>The sort key of status_LSI: status, "#", order id.</summary>
    public static string StatusOrder(string status, string orderId) => $"{status}#{orderId}";

    /// <summary>The stored item, with the index keys the order's status implies: queue only while open, status_order always.</summary>
    public static Dictionary<string, AttributeValue> ToAttributes(Order order, string? idempotencyKey, string requestHash, IReadOnlyCollection<string>? stockTaken = null)
    {
        var item = Key(order.GuestId, order.OrderId);
        item[A.Status] = new() { S = order.Status };
        item[A.StatusOrder] = new() { S = StatusOrder(order.Status, order.OrderId) };
        if (OrderStatus.IsOpen(order.Status)) item[A.Queue] = new() { S = OrdersTable.QueueOpen };
        item[A.PickupName] = new() { S = order.PickupName };
        item[A.Lines] = new() { L = order.Lines.Select(Line).ToList() };
        item[A.Total] = Number(order.Total);
        item[A.Version] = Number(order.Version);
        item[A.CreatedAt] = new() { S = Time(order.CreatedAt) };
        item[A.UpdatedAt] = new() { S = Time(order.UpdatedAt) };
        if (order.ExpiresAt is { } expires) item[A.ExpiresAt] = EpochSeconds(expires);
        if (idempotencyKey is not null) item[A.IdempotencyKey] = new() { S = idempotencyKey };
        item[A.RequestHash] = new() { S = requestHash };
        // A string set cannot be empty in DynamoDB: absent when no portions were taken.
        if (stockTaken is { Count: > 0 }) item[A.StockTaken] = new() { SS = [.. stockTaken] };
        return item;
    }

    /// <summary>Reads a stored order, or says why an <see cref="Order"/> cannot represent it (another tool may write anything).</summary>
    public static bool TryFromAttributes(IReadOnlyDictionary<string, AttributeValue> item,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Order? order, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        order = null;
        try
        {
            var lines = (Get(item, A.Lines).L ?? throw new FormatException($"{A.Lines} is not a list")).Select(ReadLine).ToList();
            order = new Order
            {
                GuestId = Text(item, A.GuestId),
                OrderId = Text(item, A.OrderId),
                Status = Text(item, A.Status),
                PickupName = Text(item, A.PickupName),
                Lines = lines,
                Total = Price(Get(item, A.Total), A.Total),
                Version = long.Parse(Get(item, A.Version).N ?? "", NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
                CreatedAt = DateTimeOffset.Parse(Text(item, A.CreatedAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                UpdatedAt = DateTimeOffset.Parse(Text(item, A.UpdatedAt), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                ExpiresAt = item.TryGetValue(A.ExpiresAt, out var expires)
                    ? DateTimeOffset.FromUnixTimeSeconds(long.Parse(expires.N ?? "", NumberStyles.None, CultureInfo.InvariantCulture))
                    : null,
            };
            problem = null;
            return true;
        }
        catch (Exception e) when (e is FormatException or OverflowException or KeyNotFoundException or ArgumentException)
        {
            problem = e.Message;
            return false;
        }
    }

    /// <summary>The expiry as DynamoDB's TTL reads it: whole seconds since the Unix epoch, as a number.</summary>
    public static AttributeValue EpochSeconds(DateTimeOffset at) => new() { N = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };

    public static string Time(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    public static AttributeValue Number(decimal value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static AttributeValue Line(OrderLine line) => new()
    {
        M = new()
        {
            [L.ProductName] = new() { S = line.ProductName },
            [L.Quantity] = Number(line.Quantity),
            [L.UnitPrice] = Number(line.UnitPrice),
        },
    };

    private static OrderLine ReadLine(AttributeValue value)
    {
        var map = value.M ?? throw new FormatException("a line is not a map");
        return new OrderLine
        {
            ProductName = Text(map, L.ProductName),
            Quantity = int.Parse(Get(map, L.Quantity).N ?? "", NumberStyles.None, CultureInfo.InvariantCulture),
            UnitPrice = Price(Get(map, L.UnitPrice), L.UnitPrice),
        };
    }

    // DynamoDB drops trailing zeros (3.50 comes back as 3.5); adding 0.00m restores two decimal places without changing the value.
    private static decimal Price(AttributeValue value, string name) =>
        value.N is { } n && ExactDecimal.TryParse(n, out var exact) ? exact + 0.00m : throw new FormatException($"{name} is not a number a decimal holds exactly");

    private static AttributeValue Get(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value : throw new KeyNotFoundException($"{name} is missing");

    private static string Text(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        Get(item, name).S ?? throw new FormatException($"{name} is not a string");
}
