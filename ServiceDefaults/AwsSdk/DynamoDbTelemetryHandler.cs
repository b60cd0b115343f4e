using System.Diagnostics;
using System.Diagnostics.Metrics;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace CafeMenu.ServiceDefaults.AwsSdk;

/// <summary>
/// Pipeline handler placed just inside the SDK's MetricsHandler, which owns the call span <c>DynamoDB.&lt;Operation&gt;</c>:
/// it runs once per call (outside the retries), before marshalling, with that span as <see cref="Activity.Current"/>.
/// The SDK does not hand the request and response to its tracer; this handler sees both and adds what they tell.
/// </summary>
internal sealed class DynamoDbTelemetryHandler : PipelineHandler
{
    private static readonly Meter Meter = new(AwsSdkTelemetry.DynamoDbMeterName);

    private static readonly Counter<double> ConsumedCapacityUnits = Meter.CreateCounter<double>(
        "cafemenu.dynamodb.consumed_capacity",
        "{capacity_unit}",
        "Capacity units DynamoDB reported as consumed, per table and operation.");

    public override void InvokeSync(IExecutionContext executionContext)
    {
        var span = Begin(executionContext);
        try
        {
            base.InvokeSync(executionContext);
        }
        catch (Exception exception)
        {
            Fail(span, executionContext, exception);
            throw;
        }

        Complete(span, executionContext);
    }

    public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
    {
        var span = Begin(executionContext);
        T response;
        try
        {
            response = await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Fail(span, executionContext, exception);
            throw;
        }

        Complete(span, executionContext);
        return response;
    }

    /// <summary>Asks for consumed capacity and tags the call span with what the request names; null when the call is not traced.</summary>
    private static Activity? Begin(IExecutionContext context)
    {
        var request = context.RequestContext.OriginalRequest;
        DynamoDbRequestInfo.AskForConsumedCapacity(request);

        var span = Activity.Current;
        if (span is not { Kind: ActivityKind.Client, IsAllDataRequested: true } || span.Source.Name != AwsSdkTelemetry.DynamoDbSourceName)
        {
            return null;
        }

        span.SetTag(DynamoDbAttributes.DbSystemName, DynamoDbAttributes.DbSystemValue);
        var tables = DynamoDbRequestInfo.TableNames(request);
        if (tables.Length > 0) span.SetTag(DynamoDbAttributes.TableNames, tables);
        foreach (var (key, value) in DynamoDbRequestInfo.ReadOptions(request)) span.SetTag(key, value);

        var config = context.RequestContext.ClientConfig;
        var region = config.RegionEndpoint?.SystemName ?? config.AuthenticationRegion;
        if (!string.IsNullOrEmpty(region)) span.SetTag(DynamoDbAttributes.CloudRegion, region);
        return span;
    }

    private static void Complete(Activity? span, IExecutionContext context)
    {
        var response = context.ResponseContext.Response;
        var capacity = DynamoDbResponseInfo.ConsumedCapacity(response);
        var operation = OperationName(context.RequestContext.RequestName);
        foreach (var entry in capacity)
        {
            if (entry.CapacityUnits is double units)
            {
                ConsumedCapacityUnits.Add(units, new("rpc.method", operation), new(DynamoDbAttributes.TableName, entry.TableName));
            }
        }

        if (span is null) return;
        if (capacity.Count > 0) span.SetTag(DynamoDbAttributes.ConsumedCapacity, DynamoDbResponseInfo.ToJson(capacity));
        foreach (var (key, value) in DynamoDbResponseInfo.Counts(response)) span.SetTag(key, value);
        SetServer(span, context);
    }

    private static void Fail(Activity? span, IExecutionContext context, Exception exception)
    {
        if (span is null) return;
        SetServer(span, context);
        if (!DynamoDbOutcome.IsConditionNotMet(exception)) return; // the SDK records it on the span, which marks it an error

        // An answer, not a failure: an event on the span, and the span's RecordException leaves this exception alone.
        span.SetCustomProperty(ActivityTraceSpan.ExpectedOutcomeProperty, exception);
        var tags = new ActivityTagsCollection
        {
            [DynamoDbAttributes.AwsErrorCode] = (exception as AmazonServiceException)?.ErrorCode,
            ["exception.message"] = exception.Message,
        };
        var reasons = DynamoDbOutcome.CancellationReasonCodes(exception);
        if (reasons.Length > 0) tags[DynamoDbAttributes.CancellationReasons] = reasons;
        span.AddEvent(new ActivityEvent(DynamoDbAttributes.ConditionalCheckFailedEvent, tags: tags));
    }

    private static void SetServer(Activity span, IExecutionContext context)
    {
        if (context.RequestContext.Request?.Endpoint is not { } endpoint) return;
        span.SetTag(DynamoDbAttributes.ServerAddress, endpoint.Host);
        span.SetTag(DynamoDbAttributes.ServerPort, endpoint.Port);
    }

    private static string OperationName(string requestName) =>
        requestName.EndsWith("Request", StringComparison.Ordinal) ? requestName[..^"Request".Length] : requestName;
}
