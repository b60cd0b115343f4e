using System.Reflection;
using System.Runtime.ExceptionServices;
using Amazon.DynamoDBv2;
using Amazon.Runtime;

namespace CafeMenu.Api.Tests;

/// <summary>An <see cref="IAmazonDynamoDB"/> that runs a test's action before passing a request on: to change the menu between the Api's read and its write.</summary>
public class InterceptingDynamoDb : DispatchProxy
{
    private IAmazonDynamoDB _inner = null!;
    private Func<AmazonWebServiceRequest, Task> _before = null!;

    public static IAmazonDynamoDB Wrap(IAmazonDynamoDB inner, Func<AmazonWebServiceRequest, Task> before)
    {
        var client = Create<IAmazonDynamoDB, InterceptingDynamoDb>();
        var proxy = (InterceptingDynamoDb)(object)client;
        proxy._inner = inner;
        proxy._before = before;
        return client;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (args is { Length: > 0 } && args[0] is AmazonWebServiceRequest request) _before(request).GetAwaiter().GetResult();
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
