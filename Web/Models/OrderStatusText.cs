using CafeMenu.Menu;

namespace CafeMenu.Web.Models;

/// <summary>What an order's status and its steps are called on the site.</summary>
public static class OrderStatusText
{
    /// <summary>The status as a guest or the kitchen reads it.</summary>
    public static string Label(string status) => status switch
    {
        OrderStatus.Placed => "Placed",
        OrderStatus.Preparing => "Being prepared",
        OrderStatus.Ready => "Ready to collect",
        OrderStatus.Collected => "Collected",
        OrderStatus.Cancelled => "Cancelled",
        _ => status,
    };

    /// <summary>One sentence for the guest about what happens next.</summary>
    public static string ForGuest(string status) => status switch
    {
        OrderStatus.Placed => "The kitchen has your order and will start on it soon.",
        OrderStatus.Preparing => "The kitchen is preparing your order.",
        OrderStatus.Ready => "Your order is ready: collect it at the counter.",
        OrderStatus.Collected => "You collected this order. Enjoy!",
        OrderStatus.Cancelled => "This order was cancelled.",
        _ => "",
    };

    /// <summary>The kitchen's button that moves an order to <paramref name="target"/>.</summary>
    public static string StepButton(string target) => target switch
    {
        OrderStatus.Preparing => "Start preparing",
        OrderStatus.Ready => "Mark ready",
        OrderStatus.Collected => "Mark collected",
        OrderStatus.Cancelled => "Cancel order",
        _ => target,
    };

    /// <summary>A Bootstrap badge colour per status.</summary>
    public static string BadgeClass(string status) => status switch
    {
        OrderStatus.Placed => "text-bg-secondary",
        OrderStatus.Preparing => "text-bg-info",
        OrderStatus.Ready => "text-bg-success",
        OrderStatus.Collected => "text-bg-light border",
        OrderStatus.Cancelled => "text-bg-danger",
        _ => "text-bg-light",
    };

    /// <summary>The short form of an order id staff and guest can say aloud: the first six digits of its random suffix.</summary>
    public static string ShortId(string orderId)
    {
        var hash = orderId.IndexOf('#');
        if (hash < 0) return orderId;
        var suffix = orderId[(hash + 1)..];
        return "#" + suffix[..Math.Min(6, suffix.Length)];
    }
}
