using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Menu;

/// <summary>Creates a table when it is missing and waits until it and its indexes are ACTIVE.</summary>
public static class TableSetup
{
    /// <returns>true when this call created the table.</returns>
    public static async Task<bool> EnsureTableAsync(
        IAmazonDynamoDB dynamo, CreateTableRequest definition, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        time ??= TimeProvider.System;
        var created = false;
        if (await DescribeOrNullAsync(dynamo, definition.TableName, cancellationToken) is null)
        {
            try
            {
                await dynamo.CreateTableAsync(definition, cancellationToken);
                created = true;
            }
            catch (ResourceInUseException)
            {
                // Another process created it between our describe and create: that is what we wanted.
            }
        }

        await WaitUntilActiveAsync(dynamo, definition.TableName, time, cancellationToken);
        return created;
    }

    public static Task<bool> EnsureMenuTableAsync(
        IAmazonDynamoDB dynamo, string tableName = MenuTable.DefaultName, CancellationToken cancellationToken = default) =>
        EnsureTableAsync(dynamo, MenuTable.Definition(tableName), null, cancellationToken);

    public static async Task<TableDescription?> DescribeOrNullAsync(IAmazonDynamoDB dynamo, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            return (await dynamo.DescribeTableAsync(tableName, cancellationToken)).Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private static async Task WaitUntilActiveAsync(IAmazonDynamoDB dynamo, string tableName, TimeProvider time, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + TimeSpan.FromMinutes(5);
        while (true)
        {
            var table = await DescribeOrNullAsync(dynamo, tableName, cancellationToken);
            var indexesActive = table?.GlobalSecondaryIndexes is null
                || table.GlobalSecondaryIndexes.All(i => i.IndexStatus == IndexStatus.ACTIVE);
            if (table?.TableStatus == TableStatus.ACTIVE && indexesActive)
            {
                return;
            }

            if (time.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Table {tableName} did not become ACTIVE within 5 minutes.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
        }
    }
}
