using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using Microsoft.Extensions.Options;
using M = CafeMenu.Menu.MenuTable.Attributes;

namespace CafeMenu.Api.Data;

/// <summary>The menu items an order names, read by key in one BatchGetItem (strongly consistent): a GetItem per line, batched.</summary>
internal sealed class MenuProductsReader(IAmazonDynamoDB dynamo, IOptions<MenuApiOptions> menu, TimeProvider time)
{
    private const int MaxAttempts = 5;

    public string Table => menu.Value.TableName;

    /// <returns>The stored attributes (name, price, tags, stock) of each product that exists, by name.</returns>
    public async Task<Dictionary<string, Dictionary<string, AttributeValue>>> ReadAsync(IEnumerable<string> productNames, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        var keys = productNames.Distinct(StringComparer.Ordinal).Select(MenuItemMapper.Key).ToList();
        for (var attempt = 1; keys.Count > 0; attempt++)
        {
            var response = await dynamo.BatchGetItemAsync(new BatchGetItemRequest
            {
                RequestItems = new()
                {
                    [Table] = new KeysAndAttributes
                    {
                        Keys = keys,
                        ConsistentRead = true,
                        ProjectionExpression = "#pk, #price, #tags, #stock",
                        ExpressionAttributeNames = new() { ["#pk"] = M.ProductName, ["#price"] = M.Price, ["#tags"] = M.Tags, ["#stock"] = M.Stock },
                    },
                },
            }, cancellationToken);
            foreach (var item in response.Responses?.GetValueOrDefault(Table) ?? []) found[item[M.ProductName].S] = item;

            // DynamoDB may leave keys unprocessed under load; they are asked again, a bounded number of times.
            keys = response.UnprocessedKeys?.GetValueOrDefault(Table)?.Keys ?? [];
            if (keys.Count == 0) break;
            if (attempt == MaxAttempts)
            {
                throw new ProvisionedThroughputExceededException($"{keys.Count} menu items stayed unprocessed after {MaxAttempts} reads")
                {
                    ErrorCode = "ProvisionedThroughputExceededException",
                };
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), time, cancellationToken);
        }

        return found;
    }
}
