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
