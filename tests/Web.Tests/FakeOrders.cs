using System.Net;
using CafeMenu.Menu;

namespace CafeMenu.Web.Tests;

/// <summary>Orders and the Api's order answers, as the fake Api sends them.</summary>
internal static class FakeOrders
{
    public const string GuestId = "guest-1";

    public static Order Order(string status = OrderStatus.Placed, long version = 1, string pickupName = "Ada", string orderId = "2026-11-23T15:37:55.294Z#0f3a9c21b4d7",
        params (string Name, int Quantity, decimal Price)[] lines)
    {
        var orderLines = (lines.Length == 0 ? [("Latte", 2, 3.50m)] : lines)
            .Select(l => new OrderLine { ProductName = l.Name, Quantity = l.Quantity, UnitPrice = l.Price }).ToList();
        return new Order
        {
            GuestId = GuestId,
            OrderId = orderId,
            Status = status,
            PickupName = pickupName,
            Lines = orderLines,
            Total = CafeMenu.Menu.Order.TotalOf(orderLines),
            Version = version,
            CreatedAt = DateTimeOffset.Parse("2026-11-23T15:37:55.294Z"),
            UpdatedAt = DateTimeOffset.Parse("2026-11-23T15:37:55.294Z"),
        };
    }

    public static HttpResponseMessage Answer(Order order, HttpStatusCode status = HttpStatusCode.OK) =>
        FakeApi.Json(status, order, etag: $"\"{order.Version}\"");

    public static HttpResponseMessage Page(IEnumerable<Order> orders, string? next = null) =>
        FakeApi.Json(HttpStatusCode.OK, new { items = orders, next_cursor = next });

    /// <summary>The Api's 409 on placing: the menu refused lines; nothing was written.</summary>
    public static HttpResponseMessage Refused(params object[] lines) =>
        Problem(HttpStatusCode.Conflict, "The menu changed", "Nothing was ordered: line 0: the price changed.", new() { ["lines"] = lines });

    /// <summary>The Api's 412 on a step: someone moved the order first; <c>current</c> is the order as it is.</summary>
    public static HttpResponseMessage Stale(Order current) =>
        Problem(HttpStatusCode.PreconditionFailed, "Order changed meanwhile", "Someone moved the order first.", new() { ["current"] = current, ["current_version"] = current.Version });

    public static HttpResponseMessage Problem(HttpStatusCode status, string title, string detail, Dictionary<string, object?> extensions)
    {
        var body = new Dictionary<string, object?> { ["type"] = "https://tools.ietf.org/html/rfc9110", ["title"] = title, ["status"] = (int)status, ["detail"] = detail };
        foreach (var (name, value) in extensions) body[name] = value;
        return FakeApi.Json(status, body, mediaType: "application/problem+json");
    }

    public static object PriceChanged(int line, string product, decimal now) =>
        new { line, product_name = product, reason = "price_changed", current_price = now, stock_left = (long?)null };
}
