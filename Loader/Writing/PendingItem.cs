using Amazon.DynamoDBv2.Model;
using CafeMenu.Loader.Validation;
using CafeMenu.Menu;

namespace CafeMenu.Loader.Writing;

/// <summary>An item on its way to the table, with where it came from and its key (canonical to match answers, readable for the report).</summary>
internal sealed class PendingItem(string file, int line, string canonicalKey, Dictionary<string, AttributeValue> item, TableSchema? schema,
    int fileIndex = 0, int ordinal = 0)
{
    private string? _displayKey;
    private int _size = -1;

    public string File { get; } = file;
    public int Line { get; } = line;

    /// <summary>With <see cref="Ordinal"/>, the record's place in the input: what the journal of a resumable load records.</summary>
    public int FileIndex { get; } = fileIndex;
    public int Ordinal { get; } = ordinal;
    public string CanonicalKey { get; } = canonicalKey;
    public Dictionary<string, AttributeValue> Item { get; } = item;

    /// <summary>The item's size by DynamoDB's rules, computed once: the unit's byte limit and the write budget both need it.</summary>
    public int Size => _size >= 0 ? _size : _size = ItemSize.Of(Item);

    /// <summary>The key as JSON, built only for the few items that are reported (skipped or failed), not for every item written.</summary>
    public string DisplayKey => _displayKey ??= schema is null ? "null" : ItemKey.Display(schema, Item);
}
