using System.Globalization;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using M = CafeMenu.Menu.MenuTable.Attributes;

namespace CafeMenu.Api.Data;

/// <summary>
/// What the menu says about one line, from the product as read (before the transaction) or as it was when the transaction's
/// condition failed (its ALL_OLD item): the same rules the transaction's conditions hold at write time.
/// </summary>
internal static class OrderLineCheck
{
    /// <returns>null when the product can be ordered as the line says; otherwise why not.</returns>
    public static RefusedLine? Refusal(int position, OrderLine line, IReadOnlyDictionary<string, AttributeValue>? product)
    {
        if (product is not { Count: > 0 }) return new(position, line.ProductName, RefusalReasons.UnknownProduct);
        var price = CurrentPrice(product);
        // Tags are compared exactly, as DynamoDB's contains() in the transaction's condition compares them.
        if (product.TryGetValue(M.Tags, out var tags) && tags.L?.Any(t => t.S == MenuTable.OutOfStockTag) == true)
        {
            return new(position, line.ProductName, RefusalReasons.OutOfStock, price);
        }

        if (price != line.UnitPrice) return new(position, line.ProductName, RefusalReasons.PriceChanged, price);
        if (product.TryGetValue(M.Stock, out var stock))
        {
            var left = long.TryParse(stock.N, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n : 0;
            if (left < line.Quantity) return new(position, line.ProductName, RefusalReasons.NotEnoughStock, price, Math.Max(left, 0));
        }

        return null;
    }

    public static bool CountsStock(IReadOnlyDictionary<string, AttributeValue>? product) => product?.ContainsKey(M.Stock) == true;

    /// <summary>The menu's price with two decimals (DynamoDB drops trailing zeros), or null when no decimal holds it.</summary>
    private static decimal? CurrentPrice(IReadOnlyDictionary<string, AttributeValue> product) =>
        product.TryGetValue(M.Price, out var p) && p.N is { } n && ExactDecimal.TryParse(n, out var price) ? price + 0.00m : null;
}
