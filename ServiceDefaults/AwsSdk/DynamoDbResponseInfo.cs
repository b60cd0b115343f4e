using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace CafeMenu.ServiceDefaults.AwsSdk;

/// <summary>What a DynamoDB response says for telemetry: consumed capacity, item counts.</summary>
internal static class DynamoDbResponseInfo
{
    public static IReadOnlyList<ConsumedCapacity> ConsumedCapacity(AmazonWebServiceResponse? response) => response switch
    {
        GetItemResponse r => One(r.ConsumedCapacity),
        PutItemResponse r => One(r.ConsumedCapacity),
        UpdateItemResponse r => One(r.ConsumedCapacity),
        DeleteItemResponse r => One(r.ConsumedCapacity),
        QueryResponse r => One(r.ConsumedCapacity),
        ScanResponse r => One(r.ConsumedCapacity),
        ExecuteStatementResponse r => One(r.ConsumedCapacity),
        BatchWriteItemResponse r => r.ConsumedCapacity ?? [],
        BatchGetItemResponse r => r.ConsumedCapacity ?? [],
        TransactWriteItemsResponse r => r.ConsumedCapacity ?? [],
        TransactGetItemsResponse r => r.ConsumedCapacity ?? [],
        BatchExecuteStatementResponse r => r.ConsumedCapacity ?? [],
        ExecuteTransactionResponse r => r.ConsumedCapacity ?? [],
        _ => [],
    };

    /// <summary>The semantic conventions' form of <c>aws.dynamodb.consumed_capacity</c>: one JSON object per entry.</summary>
    public static string[] ToJson(IReadOnlyList<ConsumedCapacity> capacity) =>
        capacity.Select(entry => JsonSerializer.Serialize(entry, ConsumedCapacityJson.Default.ConsumedCapacity)).ToArray();

    public static IEnumerable<KeyValuePair<string, object?>> Counts(AmazonWebServiceResponse? response) => response switch
    {
        QueryResponse r => Present((DynamoDbAttributes.Count, r.Count), (DynamoDbAttributes.ScannedCount, r.ScannedCount)),
        ScanResponse r => Present((DynamoDbAttributes.Count, r.Count), (DynamoDbAttributes.ScannedCount, r.ScannedCount)),
        ListTablesResponse r => Present((DynamoDbAttributes.TableCount, r.TableNames?.Count)),
        _ => [],
    };

    private static IReadOnlyList<ConsumedCapacity> One(ConsumedCapacity? capacity) => capacity is null ? [] : [capacity];

    private static IEnumerable<KeyValuePair<string, object?>> Present(params (string Key, int? Value)[] tags) =>
        tags.Where(tag => tag.Value is not null).Select(tag => new KeyValuePair<string, object?>(tag.Key, tag.Value));
}

/// <summary>Source-generated, so the Loader's ahead-of-time build needs no reflection to write consumed capacity.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConsumedCapacity))]
internal sealed partial class ConsumedCapacityJson : JsonSerializerContext;
