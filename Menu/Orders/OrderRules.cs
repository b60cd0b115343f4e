namespace CafeMenu.Menu;

/// <summary>The bounds of one order.</summary>
public static class OrderRules
{
    public const int MinQuantity = 1;
    public const int MaxQuantity = 50;

    /// <summary>
    /// Placing an order is one TransactWriteItems, which takes at most 100 actions: one Put of the order and one action per
    /// line (a ConditionCheck, or an Update of the stock count), so an order holds at most 99 lines.
    /// </summary>
    public const int MaxLines = TransactWriteItemsLimit - 1;

    public const int TransactWriteItemsLimit = 100;
}
