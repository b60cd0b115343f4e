using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using Microsoft.Extensions.Options;
using A = CafeMenu.Menu.OrdersTable.Attributes;
using M = CafeMenu.Menu.MenuTable.Attributes;

namespace CafeMenu.Api.Data;

/// <summary>
/// A cancelled order gives back the portions it took: the status step and one <c>ADD stock :quantity</c> per counted
/// product are one TransactWriteItems, so the portions return exactly when the cancellation is written, never twice.
/// </summary>
internal sealed class OrderCancellation(IAmazonDynamoDB dynamo, IOptions<MenuApiOptions> menu)
{
    /// <summary>The portions the order took, by product: its lines (as the mapper read them) whose product is in stock_taken.</summary>
    public static IReadOnlyList<OrderLine> PortionsTaken(StoredOrder stored) =>
        stored.Item.GetValueOrDefault(A.StockTaken)?.SS is { Count: > 0 } taken
            ? stored.Order.Lines.Where(line => taken.Contains(line.ProductName)).ToList()
            : [];

    /// <summary>
    /// The status step (action 0, its condition unchanged) and the portions given back. A product deleted from the menu
    /// meanwhile is left out (ADD would create a bare item), so its condition is attribute_exists.
    /// </summary>
    public async Task WriteAsync(UpdateItemRequest step, IReadOnlyList<OrderLine> portions, CancellationToken cancellationToken)
    {
        await dynamo.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            ClientRequestToken = Guid.NewGuid().ToString("N"),
            TransactItems =
            [
                new TransactWriteItem
                {
                    Update = new Update
                    {
                        TableName = step.TableName,
                        Key = step.Key,
                        UpdateExpression = step.UpdateExpression,
                        ConditionExpression = step.ConditionExpression,
                        ExpressionAttributeNames = step.ExpressionAttributeNames,
                        ExpressionAttributeValues = step.ExpressionAttributeValues,
                        ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                    },
                },
                .. portions.Select(portion => new TransactWriteItem
                {
                    Update = new Update
                    {
                        TableName = menu.Value.TableName,
                        Key = MenuItemMapper.Key(portion.ProductName),
                        UpdateExpression = "ADD #stock :quantity",
                        ConditionExpression = "attribute_exists(#pk)",
                        ExpressionAttributeNames = new() { ["#pk"] = M.ProductName, ["#stock"] = M.Stock },
                        ExpressionAttributeValues = new() { [":quantity"] = MenuItemMapper.Number(portion.Quantity) },
                    },
                }),
            ],
        }, cancellationToken);
    }
}
