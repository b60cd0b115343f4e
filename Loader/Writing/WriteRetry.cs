using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Polly;
using Polly.Retry;

namespace CafeMenu.Loader.Writing;

/// <summary>Thrown inside the retry pipeline when DynamoDB left some items of a request unprocessed, so they are sent again.</summary>
internal sealed class UnprocessedItemsException(IReadOnlyList<PendingItem> pending)
    : Exception($"{pending.Count} items were left unprocessed by DynamoDB")
{
    public IReadOnlyList<PendingItem> Pending { get; } = pending;
}

/// <summary>The retry pipeline (Polly) shared by every write: which failures are retried and what a retry tells the limiter.</summary>
internal static class WriteRetry
{
    public static ResiliencePipeline Create(RetrySettings settings, LoadTally tally, AdaptiveConcurrency limiter, WriteHeartbeat heartbeat,
        TimeProvider time)
    {
        // A write is retried while DynamoDB accepts others, so a busy DynamoDB never costs an item, and the whole load gives
        // up together once DynamoDB accepts nothing at all.
        var options = Backoff(settings, e => IsRetryable(e) && !heartbeat.Stalled);
        options.OnRetry = args =>
        {
            var throttled = args.Outcome.Exception is { } e && IsThrottle(e);
            tally.AddRetry(throttled);
            // A timeout is the other way DynamoDB says it is overloaded: more requests in flight would only add to its queue.
            if (throttled || args.Outcome.Exception is { } t && IsTimeout(t)) limiter.OnCongestion();
            return ValueTask.CompletedTask;
        };
        return new ResiliencePipelineBuilder { TimeProvider = time }.AddRetry(options).Build();
    }

    /// <summary>
    /// The Loader's back-off (writes and export pages alike): no count of attempts, exponential with jitter between the
    /// settings' delays, for the failures <paramref name="shouldRetry"/> accepts; what bounds it is the caller's to add.
    /// </summary>
    public static RetryStrategyOptions Backoff(RetrySettings settings, Func<Exception, bool> shouldRetry) => new()
    {
        ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e && shouldRetry(e)),
        MaxRetryAttempts = int.MaxValue,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
        Delay = settings.BaseDelay,
        MaxDelay = settings.MaxDelay,
    };

    /// <summary>Throttling: DynamoDB asks the client to slow down (unprocessed items count as such).</summary>
    public static bool IsThrottle(Exception e) => e is UnprocessedItemsException or ProvisionedThroughputExceededException
        or RequestLimitExceededException or ThrottlingException
        || e is AmazonServiceException { ErrorCode: "ThrottlingException" or "ProvisionedThroughputExceededException" or "RequestLimitExceeded" };

    public static bool IsRetryable(Exception e) => IsThrottle(e) || IsTransient(e);

    /// <summary>Failures that say nothing about the item: server errors and broken connections.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        InternalServerErrorException => true,
        // A retry whose first attempt DynamoDB is still applying: the next one gets that attempt's answer.
        TransactionInProgressException => true,
        AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError } => true,
        HttpRequestException or IOException or SocketException => true,
        // An answer cut short: whether DynamoDB applied the write is unknown, and every write the Loader sends may be repeated.
        AmazonUnmarshallingException => true,
        AmazonClientException { InnerException: { } inner } => IsTransient(inner),
        _ => IsTimeout(e),
    };

    /// <summary>No answer in time: an HttpClient timeout, not our own cancellation (the caller checks that one).</summary>
    public static bool IsTimeout(Exception e) => e switch
    {
        TimeoutException or TaskCanceledException { InnerException: TimeoutException } => true,
        AmazonClientException { InnerException: { } inner } => IsTimeout(inner),
        _ => false,
    };
}
