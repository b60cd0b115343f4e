namespace CafeMenu.Menu;

/// <summary>Why a line of an order is refused: the <c>reason</c> of each line in the Api's 409, and its metric tag.</summary>
public static class RefusalReasons
{
    public const string UnknownProduct = "unknown_product";
    public const string OutOfStock = "out_of_stock";
    public const string PriceChanged = "price_changed";
    public const string NotEnoughStock = "not_enough_stock";

    /// <summary>The product changed between the read and the write in a way the read did not show (for example its stock began to be counted).</summary>
    public const string MenuChanged = "menu_changed";
}
