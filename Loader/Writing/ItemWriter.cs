using System.Diagnostics;
using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CafeMenu.Loader.Validation;
using Polly;

namespace CafeMenu.Loader.Writing;

/// <summary>
/// Writes one unit of work and accounts for every item in it: written, skipped or failed with a reason. Upsert sends one
/// BatchWriteItem and re-sends what comes back unprocessed; insert-only sends one TransactWriteItems of conditional puts
/// and re-sends, without the items that exist, whatever a cancelled transaction did not apply. A request that fails for
/// good goes to <see cref="FailureIsolation"/>, which splits it until the item at fault stands alone.
/// </summary>
/// <remarks>
/// Requests say ReturnConsumedCapacity NONE, which the telemetry's default (TOTAL) respects: computing it costs DynamoDB
/// Local about a quarter of its write throughput (docs/benchmarks.md), and the Loader reports items, not capacity.
/// With <c>--max-wcu</c> they say TOTAL: the <see cref="Budget"/> is kept by DynamoDB's own figures.
/// </remarks>
internal sealed class ItemWriter(
    IAmazonDynamoDB dynamo, string table, TableSchema schema, WriteMode mode, ResiliencePipeline retry,
    AdaptiveConcurrency limiter, WriteHeartbeat heartbeat, LoadTally tally, TimeProvider time, int splitAfterServerErrors)
{
    private const string NotExists = "attribute_not_exists(#k)";
    private readonly Dictionary<string, string> _conditionNames = new() { ["#k"] = schema.Key[0].Name };
    private readonly TransactionTokens _tokens = new();

    /// <summary>Set when DynamoDB stopped accepting writes: the rest is not attempted.</summary>
    public string? AbortReason { get; private set; }

    /// <summary><c>--max-wcu</c>: every request waits for its estimated cost and is settled with what DynamoDB reports; null = unlimited.</summary>
    public WriteBudget? Budget { get; init; }

    public async Task WriteAsync(IReadOnlyList<PendingItem> unit, CancellationToken cancellationToken)
    {
        using var activity = LoaderTelemetry.Source.StartActivity("loader.batch");
        activity?.SetTag("loader.batch.items", unit.Count);
        activity?.SetTag("loader.mode", mode == WriteMode.Upsert ? "upsert" : "insert-only");
        var started = time.GetTimestamp();
        var failedBefore = tally.Failed;
        var isolation = new FailureIsolation(SendAsync, (items, e) => FailAll(items, e, cancellationToken), heartbeat);
        await isolation.WriteAsync(unit, cancellationToken);
        LoaderTelemetry.BatchDuration.Record(time.GetElapsedTime(started).TotalSeconds);
        if (tally.Failed != failedBefore) activity?.SetStatus(ActivityStatusCode.Error, "some items failed");
    }

    /// <summary>
    /// Sends one request and re-sends what is left of it through the retry pipeline; returns what could not be written
    /// and why, for <see cref="FailureIsolation"/> to split or fail.
    /// </summary>
    private async Task<RequestFailure?> SendAsync(IReadOnlyList<PendingItem> unit, CancellationToken cancellationToken)
    {
        IReadOnlyList<PendingItem> pending = unit;
        var streak = new ServerErrorStreak(splitAfterServerErrors, time);
        try
        {
            await retry.ExecuteAsync(async token =>
            {
                try
                {
                    // Each step narrows the set, so whatever is thrown next is about the items still pending, never about
                    // items already counted.
                    while (pending.Count > 0)
                    {
                        pending = mode == WriteMode.Upsert ? await UpsertAsync(pending, token) : await InsertAsync(pending, token);
                    }
                }
                catch (UnprocessedItemsException e)
                {
                    pending = e.Pending; // the retry sends only what is left
                    streak.Reset();
                    throw;
                }
                catch (Exception e) when (ServerErrorStreak.IsServerError(e) && !heartbeat.Stalled)
                {
                    if (streak.Add((AmazonServiceException)e) is { } repeated) throw repeated;
                    throw;
                }
            }, cancellationToken);
            return null;
        }
        catch (Exception e)
        {
            return new RequestFailure(pending, e);
        }
    }

    /// <summary>One BatchWriteItem; throws (to be retried with back-off) when items come back unprocessed.</summary>
    private async Task<IReadOnlyList<PendingItem>> UpsertAsync(IReadOnlyList<PendingItem> pending, CancellationToken cancellationToken)
    {
        var request = new BatchWriteItemRequest
        {
            RequestItems = new() { [table] = pending.Select(p => new WriteRequest(new PutRequest(p.Item))).ToList() },
            ReturnConsumedCapacity = Budget is null ? ReturnConsumedCapacity.NONE : ReturnConsumedCapacity.TOTAL,
        };
        using var charge = await AcquireBudgetAsync(pending, transactional: false, cancellationToken);
        var sent = time.GetTimestamp();
        var response = await dynamo.BatchWriteItemAsync(request, cancellationToken);
        var left = response.UnprocessedItems is { } u && u.TryGetValue(table, out var unprocessed) ? unprocessed : null;
        if (left is not { Count: > 0 })
        {
            charge?.Settle(response.ConsumedCapacity, charge.Estimate);
            Accepted(pending, sent);
            return [];
        }

        var (written, stillPending) = SplitUnprocessed(pending, left);
        charge?.Settle(response.ConsumedCapacity, charge.Estimate - WriteCost.Of(stillPending, transactional: false)); // unprocessed items are not charged
        if (written.Count > 0) heartbeat.Beat();
        tally.AddWritten(written);
        throw new UnprocessedItemsException(stillPending);
    }

    /// <summary>
    /// One TransactWriteItems of conditional puts; returns the items a cancellation left unapplied, to go again at once as
    /// a new transaction. Its ClientRequestToken makes a retry after a lost answer idempotent: DynamoDB answers it as the
    /// first attempt's success instead of failing the condition on our own write.
    /// </summary>
    private async Task<IReadOnlyList<PendingItem>> InsertAsync(IReadOnlyList<PendingItem> pending, CancellationToken cancellationToken)
    {
        var request = new TransactWriteItemsRequest
        {
            ClientRequestToken = _tokens.For(pending),
            ReturnConsumedCapacity = Budget is null ? ReturnConsumedCapacity.NONE : ReturnConsumedCapacity.TOTAL,
            TransactItems = pending.Select(p => new TransactWriteItem
            {
                Put = new Put { TableName = table, Item = p.Item, ConditionExpression = NotExists, ExpressionAttributeNames = _conditionNames },
            }).ToList(),
        };
        using var charge = await AcquireBudgetAsync(pending, transactional: true, cancellationToken); // a cancellation keeps the estimate
        var sent = time.GetTimestamp();
        try
        {
            var response = await dynamo.TransactWriteItemsAsync(request, cancellationToken);
            charge?.Settle(response.ConsumedCapacity, charge.Estimate);
            Accepted(pending, sent);
            return [];
        }
        catch (TransactionCanceledException e) when (e.CancellationReasons?.Count == pending.Count)
        {
            heartbeat.Beat();
            var (again, throttled) = Settle(pending, e.CancellationReasons);
            return throttled ? throw new UnprocessedItemsException(again) : again;
        }
    }

    /// <summary>Skips the items that exist, fails those DynamoDB refused, and returns the ones the cancellation left unapplied.</summary>
    private (List<PendingItem> Again, bool Throttled) Settle(IReadOnlyList<PendingItem> pending, List<CancellationReason> reasons)
    {
        var again = new List<PendingItem>();
        var throttled = false;
        for (var i = 0; i < pending.Count; i++)
        {
            switch (reasons[i].Code)
            {
                case "ConditionalCheckFailed":
                    tally.AddSkipped(pending[i]);
                    break;
                case null or "" or "None" or "TransactionConflict":
                    again.Add(pending[i]);
                    break;
                case "ThrottlingError" or "ProvisionedThroughputExceeded" or "RequestLimitExceeded":
                    throttled = true;
                    again.Add(pending[i]);
                    break;
                default:
                    tally.AddFailed(pending[i], $"{reasons[i].Code}: {reasons[i].Message}");
                    break;
            }
        }

        return (again, throttled);
    }

    private async Task<WriteBudget.Charge?> AcquireBudgetAsync(IReadOnlyList<PendingItem> pending, bool transactional, CancellationToken cancellationToken) =>
        Budget is null ? null : await Budget.AcquireAsync(WriteCost.Of(pending, transactional), cancellationToken);

    private void Accepted(IReadOnlyList<PendingItem> written, long sent)
    {
        limiter.OnSuccess(time.GetElapsedTime(sent));
        heartbeat.Beat();
        tally.AddWritten(written);
    }

    private void FailAll(IReadOnlyList<PendingItem> items, Exception e, CancellationToken cancellationToken)
    {
        string reason;
        if (cancellationToken.IsCancellationRequested)
        {
            reason = "not confirmed written: the load was cancelled while the request was in flight";
        }
        else if (WriteRetry.IsRetryable(e))
        {
            var stalled = $"DynamoDB accepted no write for {heartbeat.GiveUpAfter.TotalSeconds:0} s (last error: {e.Message})";
            reason = $"not confirmed written: {stalled}";
            AbortReason ??= stalled;
        }
        else if (e is AmazonServiceException { StatusCode: >= HttpStatusCode.BadRequest and < HttpStatusCode.InternalServerError })
        {
            reason = e.Message; // DynamoDB's own refusal: the item was not written
        }
        else
        {
            // Anything else (an answer that could not be read, say) leaves open whether DynamoDB applied the request.
            reason = $"not confirmed written: {e.Message}";
        }

        foreach (var item in items) tally.AddFailed(item, reason);
    }

    /// <summary>Matches DynamoDB's unprocessed requests back to our items by key: the rest were written.</summary>
    private (List<PendingItem> Written, List<PendingItem> Unprocessed) SplitUnprocessed(IReadOnlyList<PendingItem> pending, List<WriteRequest> unprocessed)
    {
        var keys = unprocessed.Select(w => ItemKey.Canonical(schema, w.PutRequest.Item)).ToHashSet(StringComparer.Ordinal);
        var (written, left) = (new List<PendingItem>(pending.Count), new List<PendingItem>(unprocessed.Count));
        foreach (var item in pending) (keys.Contains(item.CanonicalKey) ? left : written).Add(item);
        return (written, left);
    }
}
