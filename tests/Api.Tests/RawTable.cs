using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;

namespace CafeMenu.Api.Tests;

/// <summary>The table as DynamoDB holds it, read past the Api: what a 2xx claims is checked against what was stored.</summary>
internal static class RawTable
{
    public static async Task<Dictionary<string, AttributeValue>?> GetAsync(ApiFactory api, string productName)
    {
        using var dynamo = api.Dynamo!.CreateClient();
        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = api.TableName, Key = MenuItemMapper.Key(productName), ConsistentRead = true });
        return response.Item is { Count: > 0 } item ? item : null;
    }

    public static async Task PutAsync(ApiFactory api, Dictionary<string, AttributeValue> item)
    {
        using var dynamo = api.Dynamo!.CreateClient();
        await dynamo.PutItemAsync(new PutItemRequest { TableName = api.TableName, Item = item });
    }

    /// <summary>Every item keyed by name, each rendered as text, to compare before and after.</summary>
    public static async Task<Dictionary<string, string>> ScanAsync(ApiFactory api)
    {
        using var dynamo = api.Dynamo!.CreateClient();
        var items = new Dictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamo.ScanAsync(new ScanRequest { TableName = api.TableName, ExclusiveStartKey = start, ConsistentRead = true });
            foreach (var item in page.Items) items[item[MenuTable.Attributes.ProductName].S] = Render(item);
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
