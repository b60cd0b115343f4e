using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Loader.Validation;

/// <summary>An attribute that is a key of a secondary index: its type, and the most bytes DynamoDB takes for it as a string or binary.</summary>
/// <param name="Role">Which key of which index, for messages: "partition key of index special_GSI".</param>
internal sealed record IndexKey(string Name, string Type, int MaxBytes, string Role);

/// <summary>What the input is checked against: the table's key attributes, and the key attributes of its indexes, from DescribeTable.</summary>
internal sealed record TableSchema(IReadOnlyList<(string Name, string Type)> Key, IReadOnlyList<IndexKey> IndexKeys)
{
    /// <summary>DynamoDB's key sizes: a partition key (of the table or a global index) up to 2,048 bytes, a sort key up to 1,024.</summary>
    /// <remarks>DynamoDB Local 3.3.1 takes 2,048 and 1,024 bytes and refuses one more, for table, GSI and LSI keys alike.</remarks>
    public const int MaxPartitionKeyBytes = 2048;

    public const int MaxSortKeyBytes = 1024;

    /// <summary>
    /// For each attribute of <see cref="Key"/>, the most bytes DynamoDB takes for it and the role that sets the limit: the
    /// table's own, or an index's when that index holds the attribute to less. The table's partition key as the sort key of
    /// a global index (an "inverted index") is held to 1,024 bytes, not 2,048: DynamoDB refuses a longer one.
    /// </summary>
    public IReadOnlyList<(int MaxBytes, string Role)> KeyLimits { get; init; } =
        [.. Key.Select((_, i) => i == 0 ? (MaxPartitionKeyBytes, "partition key") : (MaxSortKeyBytes, "sort key"))];

    public static TableSchema From(TableDescription table) =>
        From(table.KeySchema, table.AttributeDefinitions,
            (table.GlobalSecondaryIndexes ?? []).Select(i => (i.IndexName, i.KeySchema))
                .Concat((table.LocalSecondaryIndexes ?? []).Select(i => (i.IndexName, i.KeySchema))));

    public static TableSchema From(CreateTableRequest definition) =>
        From(definition.KeySchema, definition.AttributeDefinitions,
            (definition.GlobalSecondaryIndexes ?? []).Select(i => (i.IndexName, i.KeySchema))
                .Concat((definition.LocalSecondaryIndexes ?? []).Select(i => (i.IndexName, i.KeySchema))));

    private static TableSchema From(List<KeySchemaElement> keySchema, List<AttributeDefinition> definitions,
        IEnumerable<(string Index, List<KeySchemaElement> KeySchema)> indexes)
    {
        string TypeOf(string name) => definitions.First(d => d.AttributeName == name).AttributeType.Value;
        // Hash first, then range: the order of the key in messages and in the duplicate check.
        var key = keySchema.OrderBy(k => k.KeyType == KeyType.HASH ? 0 : 1).Select(k => (k.AttributeName, TypeOf(k.AttributeName))).ToList();
        // An attribute that keys several indexes is held to the strictest of their limits.
        var strictest = indexes
            .SelectMany(i => i.KeySchema.Select(k => (k.AttributeName, Hash: k.KeyType == KeyType.HASH, i.Index)))
            .GroupBy(k => k.AttributeName)
            .Select(g => g.OrderBy(k => k.Hash ? 1 : 0).First())
            .Select(k => new IndexKey(k.AttributeName, TypeOf(k.AttributeName), k.Hash ? MaxPartitionKeyBytes : MaxSortKeyBytes,
                $"{(k.Hash ? "partition" : "sort")} key of index {k.Index}"))
            .ToDictionary(k => k.Name);
        // A key attribute of the table is checked as one, against an index's limit only where that is lower (an LSI's
        // partition key is the table's, with the same limit).
        var keyLimits = key.Select((k, i) =>
        {
            var own = i == 0 ? (MaxPartitionKeyBytes, "partition key") : (MaxSortKeyBytes, "sort key");
            return strictest.TryGetValue(k.AttributeName, out var index) && index.MaxBytes < own.Item1 ? (index.MaxBytes, index.Role) : own;
        }).ToList();
        var indexKeys = strictest.Values.Where(k => key.All(t => t.AttributeName != k.Name)).ToList();
        return new TableSchema(key, indexKeys) { KeyLimits = keyLimits };
    }
}
