using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.TestSupport;

/// <summary>A table as DynamoDB holds it, read past the Api and the Web, to compare what a test changed with what it claims.</summary>
public static class RawItems
{
    /// <summary>Every item keyed by its string partition key, each rendered as text, from consistent reads.</summary>
    public static async Task<Dictionary<string, string>> ScanAsync(IAmazonDynamoDB dynamo, string table, string keyAttribute)
    {
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start, ConsistentRead = true });
            foreach (var item in page.Items) items[item[keyAttribute].S] = Render(item);
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        return items;
    }

    public static string Render(Dictionary<string, AttributeValue> item) =>
        string.Join(';', item.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={Render(a.Value)}"));

    private static string Render(AttributeValue value) =>
        value.S is not null ? $"S:{value.S}" : value.N is not null ? $"N:{value.N}"
        : value.L is not null ? $"L[{string.Join(',', value.L.Select(Render))}]"
        : value.M is not null ? $"M{{{Render(value.M)}}}" : value.NULL == true ? "NULL" : "?";
}
