using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Polly;
using Polly.Retry;

namespace CafeMenu.Loader.Writing;

/// <summary>Thrown inside the retry pipeline when DynamoDB left some items of a batch unprocessed, so they are sent again.</summary>
internal sealed class UnprocessedItemsException(int count) : Exception($"{count} items were left unprocessed by DynamoDB");

/// <summary>The retry pipeline (Polly) shared by every write: which failures are retried and what a retry tells the limiter.</summary>
internal static class WriteRetry
{
    public static ResiliencePipeline Create(RetrySettings settings, LoadTally tally, AdaptiveConcurrency limiter, TimeProvider time) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsRetryable),
                MaxRetryAttempts = settings.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.BaseDelay,
                MaxDelay = settings.MaxDelay,
                OnRetry = args =>
                {
                    var throttled = args.Outcome.Exception is { } e && IsThrottle(e);
                    tally.AddRetry(throttled);
                    if (throttled) limiter.OnThrottle();
                    return ValueTask.CompletedTask;
                },
            })
            .Build();

    /// <summary>Throttling: DynamoDB asks the client to slow down (unprocessed items count as such).</summary>
    public static bool IsThrottle(Exception e) => e is UnprocessedItemsException or ProvisionedThroughputExceededException
        or RequestLimitExceededException or ThrottlingException
        || e is AmazonServiceException { ErrorCode: "ThrottlingException" or "ProvisionedThroughputExceededException" or "RequestLimitExceeded" };

    public static bool IsRetryable(Exception e) => IsThrottle(e) || IsTransient(e);

    /// <summary>Failures that say nothing about the item: server errors and broken connections.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        InternalServerErrorException => true,
        AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError } => true,
        HttpRequestException or IOException or SocketException or TimeoutException => true,
        AmazonClientException { InnerException: { } inner } => IsTransient(inner),
        // An HttpClient timeout, not our cancellation (that one is checked by the caller before retrying matters).
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };
}
