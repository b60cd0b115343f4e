using Amazon.DynamoDBv2.Model;
using CafeMenu.Loader.Validation;

namespace CafeMenu.Loader.Writing;

/// <summary>An item on its way to the table, with where it came from and its key (canonical to match answers, readable for the report).</summary>
internal sealed class PendingItem(string file, int line, string canonicalKey, Dictionary<string, AttributeValue> item, TableSchema? schema)
{
    private string? _displayKey;

    public string File { get; } = file;
    public int Line { get; } = line;
    public string CanonicalKey { get; } = canonicalKey;
    public Dictionary<string, AttributeValue> Item { get; } = item;

    /// <summary>The key as JSON, built only for the few items that are reported (skipped or failed), not for every item written.</summary>
    public string DisplayKey => _displayKey ??= schema is null ? "null" : ItemKey.Display(schema, Item);
}
