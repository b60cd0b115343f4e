using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Menu;

/// <summary>Creates the Orders table when it is missing and turns on its TTL (on expires_at), which CreateTable cannot do.</summary>
public static class OrdersTableSetup
{
    /// <returns>true when this call created the table.</returns>
    public static async Task<bool> EnsureAsync(
        IAmazonDynamoDB dynamo, string tableName = OrdersTable.DefaultName, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var created = await TableSetup.EnsureTableAsync(dynamo, OrdersTable.Definition(tableName), time, cancellationToken);
        await EnsureTimeToLiveAsync(dynamo, tableName, cancellationToken);
        return created;
    }

    private static async Task EnsureTimeToLiveAsync(IAmazonDynamoDB dynamo, string tableName, CancellationToken cancellationToken)
    {
        var current = await dynamo.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = tableName }, cancellationToken);
        var status = current.TimeToLiveDescription?.TimeToLiveStatus;
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) return;
        try
        {
            await dynamo.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
            {
                TableName = tableName,
                TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = OrdersTable.Attributes.ExpiresAt, Enabled = true },
            }, cancellationToken);
        }
        catch (AmazonDynamoDBException e) when (e.ErrorCode == "ValidationException" && e.Message.Contains("already enabled", StringComparison.OrdinalIgnoreCase))
        {
            // Another process enabled it between our describe and update: that is what we wanted.
        }
    }
}
