namespace CafeMenu.Web.Models;

/// <summary>Links to the ordering pages. Order ids hold '#' and ':', so they travel in the query string.</summary>
public static class OrderLinks
{
    public static string Track(string orderId, bool placed = false) =>
        "my-orders/order?id=" + Uri.EscapeDataString(orderId) + (placed ? "&placed=true" : "");
}
