using CafeMenu.Menu;
using CafeMenu.Web.Client;

namespace CafeMenu.Web.Models;

/// <summary>One product in the basket: the price the guest saw, how many, and why the menu refused it when it did.</summary>
public sealed class BasketLine(string productName, decimal unitPrice)
{
    public string ProductName { get; } = productName;

    /// <summary>The price shown when the guest added it; sent as <c>unit_price</c> so the Api can tell when it changed.</summary>
    public decimal UnitPrice { get; internal set; } = unitPrice;

    public int Quantity { get; internal set; } = 1;

    public decimal LineTotal => Quantity * UnitPrice;

    /// <summary>Set when the last attempt to order was refused for this line (409); cleared once the guest deals with it.</summary>
    internal RefusedOrderLine? Refusal { get; set; }

    public bool IsRefused => Refusal is not null;

    /// <summary>The guest must act on this line before placing again (a line that merely changed while ordering may be placed again as it is).</summary>
    public bool NeedsDecision => Refusal is not null && Refusal.Reason != RefusalReasons.MenuChanged;

    /// <summary>The new price the guest may accept, when the refusal was a price change.</summary>
    public decimal? NewPrice => Refusal is { Reason: RefusalReasons.PriceChanged, CurrentPrice: { } price } ? price : null;

    /// <summary>How many portions are left, when the refusal was that fewer are left than ordered (and some are).</summary>
    public int? PortionsLeft => Refusal is { Reason: RefusalReasons.NotEnoughStock, StockLeft: { } left } && left > 0 ? (int)Math.Min(left, int.MaxValue) : null;

    /// <summary>Why the menu refused this line, in words; <paramref name="price"/> formats a price in the café's currency.</summary>
    public string? Explain(Func<decimal, string> price) => Refusal switch
    {
        null => null,
        { Reason: RefusalReasons.PriceChanged, CurrentPrice: { } now } => $"The price changed from {price(UnitPrice)} to {price(now)}.",
        { Reason: RefusalReasons.OutOfStock } => "It is out of stock now.",
        { Reason: RefusalReasons.UnknownProduct } => "It is no longer on the menu.",
        { Reason: RefusalReasons.NotEnoughStock, StockLeft: { } left } when left > 0 => $"Only {left} left, fewer than the {Quantity} you asked for.",
        { Reason: RefusalReasons.NotEnoughStock } => "It has sold out.",
        _ => "It changed on the menu while you were ordering; place the order again or remove it.",
    };
}
