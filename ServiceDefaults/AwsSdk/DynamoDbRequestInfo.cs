using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace CafeMenu.ServiceDefaults.AwsSdk;

/// <summary>What a DynamoDB request says about itself for telemetry: tables, index, read options.</summary>
internal static class DynamoDbRequestInfo
{
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
            _ => [TableName(request)],
        };
        return names.OfType<string>().Where(name => name.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Asks DynamoDB to report consumed capacity (TOTAL) unless the caller chose a level already: every request of AWSSDK.DynamoDBv2 4.1 whose response reports it as ConsumedCapacity (SearchVectors has a capacity of its own).</summary>
    public static void AskForConsumedCapacity(AmazonWebServiceRequest request)
    {
        var total = ReturnConsumedCapacity.TOTAL;
        switch (request)
        {
            case GetItemRequest r: r.ReturnConsumedCapacity ??= total; break;
            case PutItemRequest r: r.ReturnConsumedCapacity ??= total; break;
            case UpdateItemRequest r: r.ReturnConsumedCapacity ??= total; break;
            case DeleteItemRequest r: r.ReturnConsumedCapacity ??= total; break;
            case QueryRequest r: r.ReturnConsumedCapacity ??= total; break;
            case ScanRequest r: r.ReturnConsumedCapacity ??= total; break;
            case BatchGetItemRequest r: r.ReturnConsumedCapacity ??= total; break;
            case BatchWriteItemRequest r: r.ReturnConsumedCapacity ??= total; break;
            case TransactGetItemsRequest r: r.ReturnConsumedCapacity ??= total; break;
            case TransactWriteItemsRequest r: r.ReturnConsumedCapacity ??= total; break;
            case ExecuteStatementRequest r: r.ReturnConsumedCapacity ??= total; break;
            case BatchExecuteStatementRequest r: r.ReturnConsumedCapacity ??= total; break;
            case ExecuteTransactionRequest r: r.ReturnConsumedCapacity ??= total; break;
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

    // Typed, not reflected: the Loader is compiled ahead of time, where reading properties by name is not guaranteed.
    // The requests of AWSSDK.DynamoDBv2 4.1 that name one table in TableName.
    private static string? TableName(AmazonWebServiceRequest request) => request switch
    {
        GetItemRequest r => r.TableName,
        PutItemRequest r => r.TableName,
        UpdateItemRequest r => r.TableName,
        DeleteItemRequest r => r.TableName,
        QueryRequest r => r.TableName,
        ScanRequest r => r.TableName,
        DescribeTableRequest r => r.TableName,
        CreateTableRequest r => r.TableName,
        UpdateTableRequest r => r.TableName,
        DeleteTableRequest r => r.TableName,
        DescribeTimeToLiveRequest r => r.TableName,
        UpdateTimeToLiveRequest r => r.TableName,
        CreateBackupRequest r => r.TableName,
        ListBackupsRequest r => r.TableName,
        DescribeContinuousBackupsRequest r => r.TableName,
        UpdateContinuousBackupsRequest r => r.TableName,
        DescribeContributorInsightsRequest r => r.TableName,
        ListContributorInsightsRequest r => r.TableName,
        UpdateContributorInsightsRequest r => r.TableName,
        DescribeKinesisStreamingDestinationRequest r => r.TableName,
        EnableKinesisStreamingDestinationRequest r => r.TableName,
        DisableKinesisStreamingDestinationRequest r => r.TableName,
        UpdateKinesisStreamingDestinationRequest r => r.TableName,
        DescribeTableReplicaAutoScalingRequest r => r.TableName,
        UpdateTableReplicaAutoScalingRequest r => r.TableName,
        SearchVectorsRequest r => r.TableName,
        StartBulkPutItemsRequest r => r.TableName,
        _ => null,
    };
}
