using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Loader.Validation;

/// <summary>What the input is checked against: the table's key attributes and the key attributes of its indexes, with their types.</summary>
internal sealed record TableSchema(IReadOnlyList<(string Name, string Type)> Key, IReadOnlyList<(string Name, string Type)> IndexKeys)
{
    public static TableSchema From(TableDescription table) =>
        From(table.KeySchema, table.AttributeDefinitions,
            (table.GlobalSecondaryIndexes ?? []).SelectMany(i => i.KeySchema)
                .Concat((table.LocalSecondaryIndexes ?? []).SelectMany(i => i.KeySchema)));

    public static TableSchema From(CreateTableRequest definition) =>
        From(definition.KeySchema, definition.AttributeDefinitions,
            (definition.GlobalSecondaryIndexes ?? []).SelectMany(i => i.KeySchema)
                .Concat((definition.LocalSecondaryIndexes ?? []).SelectMany(i => i.KeySchema)));

    private static TableSchema From(List<KeySchemaElement> keySchema, List<AttributeDefinition> definitions, IEnumerable<KeySchemaElement> indexKeys)
    {
        string TypeOf(string name) => definitions.First(d => d.AttributeName == name).AttributeType.Value;
        // Hash first, then range: the order of the key in messages and in the duplicate check.
        var key = keySchema.OrderBy(k => k.KeyType == KeyType.HASH ? 0 : 1).Select(k => (k.AttributeName, TypeOf(k.AttributeName))).ToList();
        var index = indexKeys.Select(k => k.AttributeName).Distinct().Where(n => key.All(k => k.AttributeName != n))
            .Select(n => (n, TypeOf(n))).ToList();
        return new TableSchema(key, index);
    }
}
