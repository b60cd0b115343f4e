using System.Collections.Concurrent;
using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace CafeMenu.ServiceDefaults.AwsSdk;

/// <summary>What a DynamoDB request says about itself for telemetry: tables, index, read options.</summary>
internal static class DynamoDbRequestInfo
{
    // Most requests name one table in a TableName property and many accept ReturnConsumedCapacity; reading both by
    // reflection (once per request type) covers every operation, including ones this code never heard of.
    private static readonly ConcurrentDictionary<Type, (PropertyInfo? TableName, PropertyInfo? ReturnConsumedCapacity)> Properties = new();

    /// <summary>Every table the request names, in order of first mention: all of them for batch and transaction calls.</summary>
    public static string[] TableNames(AmazonWebServiceRequest request)
    {
        IEnumerable<string?> names = request switch
        {
            BatchWriteItemRequest batch => (IEnumerable<string>?)batch.RequestItems?.Keys ?? [],
            BatchGetItemRequest batch => (IEnumerable<string>?)batch.RequestItems?.Keys ?? [],
            TransactWriteItemsRequest transaction => (transaction.TransactItems ?? []).Select(item =>
                item.Put?.TableName ?? item.Update?.TableName ?? item.Delete?.TableName ?? item.ConditionCheck?.TableName),
            TransactGetItemsRequest transaction => (transaction.TransactItems ?? []).Select(item => item.Get?.TableName),
            _ => [PropertiesOf(request.GetType()).TableName?.GetValue(request) as string],
        };
        return names.OfType<string>().Where(name => name.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Asks DynamoDB to report consumed capacity (TOTAL) unless the caller chose a level already.</summary>
    public static void AskForConsumedCapacity(AmazonWebServiceRequest request)
    {
        var property = PropertiesOf(request.GetType()).ReturnConsumedCapacity;
        if (property is not null && property.GetValue(request) is null)
        {
            property.SetValue(request, ReturnConsumedCapacity.TOTAL);
        }
    }

    /// <summary>The read options of Query and Scan that the semantic conventions name.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> ReadOptions(AmazonWebServiceRequest request) => request switch
    {
        QueryRequest query => Present(
            (DynamoDbAttributes.IndexName, query.IndexName),
            (DynamoDbAttributes.ConsistentRead, query.ConsistentRead),
            (DynamoDbAttributes.Limit, query.Limit),
            (DynamoDbAttributes.Projection, query.ProjectionExpression),
            (DynamoDbAttributes.Select, query.Select?.Value)),
        ScanRequest scan => Present(
            (DynamoDbAttributes.IndexName, scan.IndexName),
            (DynamoDbAttributes.ConsistentRead, scan.ConsistentRead),
            (DynamoDbAttributes.Limit, scan.Limit),
            (DynamoDbAttributes.Projection, scan.ProjectionExpression),
            (DynamoDbAttributes.Select, scan.Select?.Value),
            (DynamoDbAttributes.Segment, scan.Segment),
            (DynamoDbAttributes.TotalSegments, scan.TotalSegments)),
        GetItemRequest get => Present(
            (DynamoDbAttributes.ConsistentRead, get.ConsistentRead),
            (DynamoDbAttributes.Projection, get.ProjectionExpression)),
        ListTablesRequest list => Present((DynamoDbAttributes.Limit, list.Limit)),
        _ => [],
    };

    private static IEnumerable<KeyValuePair<string, object?>> Present(params (string Key, object? Value)[] tags) =>
        tags.Where(tag => tag.Value is not null && tag.Value is not "")
            .Select(tag => new KeyValuePair<string, object?>(tag.Key, tag.Value));

    private static (PropertyInfo? TableName, PropertyInfo? ReturnConsumedCapacity) PropertiesOf(Type type) =>
        Properties.GetOrAdd(type, static t =>
        {
            var tableName = t.GetProperty("TableName", BindingFlags.Public | BindingFlags.Instance);
            var consumed = t.GetProperty("ReturnConsumedCapacity", BindingFlags.Public | BindingFlags.Instance);
            return (
                tableName is { PropertyType: var tableType, CanRead: true } && tableType == typeof(string) ? tableName : null,
                consumed is { PropertyType: var consumedType, CanRead: true, CanWrite: true } && consumedType == typeof(ReturnConsumedCapacity) ? consumed : null);
        });
}
