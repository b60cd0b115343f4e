namespace CafeMenu.Web.Models;

/// <summary>How often the ordering pages ask the Api again by themselves (configuration section "Ordering").</summary>
public sealed class OrderingOptions
{
    public const string Section = "Ordering";

    /// <summary>How often a guest's order page re-reads the order, so a status change shows without reloading.</summary>
    public TimeSpan TrackingRefresh { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the kitchen board re-reads the queue, so new orders and other staff's steps show by themselves.</summary>
    public TimeSpan KitchenRefresh { get; set; } = TimeSpan.FromSeconds(5);
}
