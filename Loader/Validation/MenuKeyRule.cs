using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;

namespace CafeMenu.Loader.Validation;

/// <summary>
/// When the target is the café's menu table (keyed by product_name alone, as <see cref="MenuTable"/> defines it), a
/// key must follow <see cref="ProductName"/>'s rule, so that every loaded item stays reachable through the Api.
/// Loads into tables of any other shape are not checked.
/// </summary>
internal static class MenuKeyRule
{
    public static IEnumerable<(string? Attribute, string Reason)> Check(Dictionary<string, AttributeValue> item, TableSchema schema)
    {
        if (schema.Key is not [(MenuTable.Attributes.ProductName, "S")]) yield break;
        if (!item.TryGetValue(MenuTable.Attributes.ProductName, out var key) || key.S is not { Length: > 0 } name) yield break;
        foreach (var problem in ProductName.Problems(name)) yield return (MenuTable.Attributes.ProductName, problem);
    }
}
