using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;

namespace CafeMenu.Loader.Validation;

/// <summary>
/// Everything DynamoDB checks on one item before it stores it: the table's key, the keys of its indexes, the values inside
/// each attribute, the item's size. What passes here, DynamoDB stores (tests/Loader.Tests/DynamoAgreementTests.cs).
/// </summary>
internal static class ItemRules
{
    public static List<(string? Attribute, string Reason)> Check(Dictionary<string, AttributeValue> item, TableSchema schema)
    {
        var problems = new List<(string? Attribute, string Reason)>();
        for (var i = 0; i < schema.Key.Count; i++)
        {
            var (name, type) = schema.Key[i];
            if (!item.TryGetValue(name, out var value))
            {
                problems.Add((name, $"the key attribute is missing (the table's key is {string.Join(", ", schema.Key.Select(k => $"{k.Name} ({k.Type})"))})"));
                continue;
            }

            var (limit, role) = schema.KeyLimits[i];
            CheckKey(name, value, type, limit, "key attribute", role, problems);
        }

        problems.AddRange(MenuTableRules.Check(item, schema));

        // An index key is optional (an item without it is not in the index), but when present DynamoDB holds it to the
        // index's type and sizes: NULL is a type too, and refused ("Invalid attribute value type").
        foreach (var index in schema.IndexKeys)
        {
            if (item.TryGetValue(index.Name, out var value))
            {
                CheckKey(index.Name, value, index.Type, index.MaxBytes, "index key attribute", index.Role, problems);
            }
        }

        foreach (var (name, value) in item) ValueRules.Check(name, value, problems);

        var size = ItemSize.Of(item);
        if (size > ItemSize.MaxBytes)
        {
            problems.Add((null, $"the item is {size:N0} bytes; DynamoDB takes items of at most {ItemSize.MaxBytes:N0} bytes (400 KB)"));
        }

        return problems;
    }

    private static void CheckKey(string name, AttributeValue value, string type, int maxBytes, string what, string role,
        List<(string?, string)> problems)
    {
        var actual = TypeOf(value);
        var bytes = KeyBytes(value);
        if (actual != type) problems.Add((name, $"the {what} must be of type {type}, got {actual} ({name} is the {role})"));
        else if (bytes == 0 && type != "N") problems.Add((name, $"the {what} must not be empty ({name} is the {role})"));
        else if (bytes > maxBytes) problems.Add((name, $"the {role} is {bytes:N0} bytes; DynamoDB allows at most {maxBytes:N0}"));
    }

    /// <summary>The size DynamoDB counts for a string or binary key (UTF-8 bytes); 0 for numbers, which have no such limit here.</summary>
    private static int KeyBytes(AttributeValue value) =>
        value.S is { } text ? System.Text.Encoding.UTF8.GetByteCount(text) : value.B is { } binary ? (int)binary.Length : 0;

    private static string TypeOf(AttributeValue value) =>
        value.S is not null ? "S" : value.N is not null ? "N" : value.B is not null ? "B" : value.BOOL is not null ? "BOOL"
        : value.NULL is not null ? "NULL" : value.SS is not null ? "SS" : value.NS is not null ? "NS" : value.BS is not null ? "BS"
        : value.L is not null ? "L" : value.M is not null ? "M" : "nothing";
}
