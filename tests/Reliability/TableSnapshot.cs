using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Reliability;

/// <summary>A full scan of a table as one canonical string, so "the table is unchanged" is a plain string comparison.</summary>
internal static class TableSnapshot
{
    public static async Task<string> TakeAsync(IAmazonDynamoDB client, string table, CancellationToken cancellationToken = default)
    {
        var items = new List<string>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start, ConsistentRead = true }, cancellationToken);
            items.AddRange(page.Items.Select(Item));
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);

        items.Sort(StringComparer.Ordinal);
        return string.Join('\n', items);
    }

    private static string Item(Dictionary<string, AttributeValue> item) =>
        "{" + string.Join(',', item.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}:{Value(a.Value)}")) + "}";

    private static string Value(AttributeValue value)
    {
        var text = new StringBuilder();
        if (value.S is not null) text.Append("S'").Append(value.S).Append('\'');
        if (value.N is not null) text.Append("N'").Append(value.N).Append('\'');
        if (value.BOOL is not null) text.Append("BOOL'").Append(value.BOOL).Append('\'');
        if (value.NULL is true) text.Append("NULL");
        if (value.L is { Count: > 0 } list) text.Append("L[").AppendJoin(',', list.Select(Value)).Append(']');
        if (value.M is { Count: > 0 } map) text.Append("M").Append(Item(map));
        if (value.SS is { Count: > 0 } ss) text.Append("SS[").AppendJoin(',', ss.Order(StringComparer.Ordinal)).Append(']');
        if (value.NS is { Count: > 0 } ns) text.Append("NS[").AppendJoin(',', ns.Order(StringComparer.Ordinal)).Append(']');
        return text.ToString();
    }
}
