using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;

namespace CafeMenu.Loader.Validation;

/// <summary>
/// When the target is the café's menu table (keyed by product_name alone, as <see cref="MenuTable"/> defines it), an item
/// must be one the Api can serve: its key follows <see cref="ProductName"/>'s rule and its price <see cref="PriceRule"/>'s,
/// the same rules the Api applies, shared through Menu/. Loads into tables of any other shape are not checked.
/// </summary>
internal static class MenuTableRules
{
    public static IEnumerable<(string? Attribute, string Reason)> Check(Dictionary<string, AttributeValue> item, TableSchema schema)
    {
        if (schema.Key is not [(MenuTable.Attributes.ProductName, "S")]) yield break;
        if (item.TryGetValue(MenuTable.Attributes.ProductName, out var key) && key.S is { Length: > 0 } name)
        {
            foreach (var problem in ProductName.Problems(name)) yield return (MenuTable.Attributes.ProductName, problem);
        }

        if (item.TryGetValue(MenuTable.Attributes.Price, out var price))
        {
            // A number DynamoDB itself would refuse is already reported by ValueRules, once.
            var reason = price.N is not { } number ? "price must be a number (N) in the café's table."
                : NumberText.TryParse(number, out var parsed) && DynamoNumber.Check(parsed) is null ? PriceRule.CheckCafeRules(parsed, number, out _)
                : null;
            if (reason is not null) yield return (MenuTable.Attributes.Price, reason);
        }
    }
}
