using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace CafeMenu.Api.Tests;

/// <summary>An <see cref="IAmazonDynamoDB"/> that passes every call to a real client and remembers each request.</summary>
public class RecordingDynamoDb : DispatchProxy
{
    private IAmazonDynamoDB _inner = null!;

    public ConcurrentQueue<AmazonWebServiceRequest> Requests { get; } = new();

    /// <summary>The item reads and writes, in order: without table setup and the health check's ListTables.</summary>
    public List<AmazonWebServiceRequest> DataCalls() => Requests.Where(r => r is Amazon.DynamoDBv2.Model.GetItemRequest
        or Amazon.DynamoDBv2.Model.QueryRequest or Amazon.DynamoDBv2.Model.ScanRequest or Amazon.DynamoDBv2.Model.PutItemRequest
        or Amazon.DynamoDBv2.Model.UpdateItemRequest or Amazon.DynamoDBv2.Model.DeleteItemRequest or Amazon.DynamoDBv2.Model.BatchGetItemRequest
        or Amazon.DynamoDBv2.Model.BatchWriteItemRequest or Amazon.DynamoDBv2.Model.TransactWriteItemsRequest
        or Amazon.DynamoDBv2.Model.TransactGetItemsRequest).ToList();

    public static (IAmazonDynamoDB Client, RecordingDynamoDb Recorder) Wrap(IAmazonDynamoDB inner)
    {
        var client = Create<IAmazonDynamoDB, RecordingDynamoDb>();
        var recorder = (RecordingDynamoDb)(object)client;
        recorder._inner = inner;
        return (client, recorder);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (args is { Length: > 0 } && args[0] is AmazonWebServiceRequest request) Requests.Enqueue(request);
        try
        {
            return targetMethod!.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
