using Amazon.DynamoDBv2;

namespace CafeMenu.Loader.Writing;

/// <summary>What is left of a request that failed, and why.</summary>
internal sealed record RequestFailure(IReadOnlyList<PendingItem> Remaining, Exception Cause);

/// <summary>
/// The step between a failed request and the report: one bad item never takes good ones down. A request that retrying
/// will not fix (a refusal other than throttling, such as a ValidationException, or a server error that repeats) is split
/// in halves, and each half is sent again, until the item DynamoDB refuses stands alone: that one is failed with
/// DynamoDB's reason, every other one is written. Throttling and transient errors never get here: the retry pipeline
/// waits them out.
/// </summary>
/// <remarks>
/// A server error is not proof against the item: when DynamoDB refuses everything, each item would end up alone and
/// failed. So an item alone is failed for a repeating server error only if DynamoDB took other items of the same unit,
/// or some write while the item's own errors came; otherwise it is sent again, until <see cref="WriteHeartbeat"/> declares
/// DynamoDB down and the load stops.
/// Halves go one after the other: the unit holds one slot of the concurrency limiter, and keeps to it.
/// </remarks>
internal sealed class FailureIsolation(
    Func<IReadOnlyList<PendingItem>, CancellationToken, Task<RequestFailure?>> send,
    Action<IReadOnlyList<PendingItem>, Exception> fail,
    WriteHeartbeat heartbeat)
{
    public Task WriteAsync(IReadOnlyList<PendingItem> items, CancellationToken cancellationToken) =>
        WriteAsync(items, new Evidence(), cancellationToken);

    private async Task WriteAsync(IReadOnlyList<PendingItem> items, Evidence unit, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await send(items, cancellationToken) is not var (remaining, cause))
            {
                unit.SomeWritten = true;
                return;
            }

            if (remaining.Count < items.Count) unit.SomeWritten = true;
            if (!CallsForSplit(cause, cancellationToken))
            {
                fail(remaining, cause);
                return;
            }

            if (remaining.Count > 1)
            {
                var half = remaining.Count / 2;
                await WriteAsync(remaining.Take(half).ToList(), unit, cancellationToken);
                await WriteAsync(remaining.Skip(half).ToList(), unit, cancellationToken);
                return;
            }

            if (cause is RepeatedServerErrorException repeated && !unit.SomeWritten && !heartbeat.BeatSince(repeated.FirstAt))
            {
                items = remaining; // nothing was accepted: an outage, as far as anyone can tell; send it again
                continue;
            }

            fail(remaining, cause);
            return;
        }
    }

    /// <summary>A refusal other than throttling (it names no item), or a server error that repeats: sending the same request again will not help.</summary>
    private static bool CallsForSplit(Exception cause, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && (cause is RepeatedServerErrorException || cause is AmazonDynamoDBException && !WriteRetry.IsRetryable(cause));

    /// <summary>What the halves of one unit showed: some of its items went through while the rest failed.</summary>
    private sealed class Evidence
    {
        public bool SomeWritten;
    }
}
