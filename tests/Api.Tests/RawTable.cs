using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using CafeMenu.TestSupport;

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
        return await RawItems.ScanAsync(dynamo, api.TableName, MenuTable.Attributes.ProductName);
    }

    public static string Render(Dictionary<string, AttributeValue> item) => RawItems.Render(item);
}
