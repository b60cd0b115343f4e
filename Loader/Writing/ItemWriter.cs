using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Loader.Validation;
using Polly;

namespace CafeMenu.Loader.Writing;

/// <summary>
/// Writes one unit of work (up to 25 items) and accounts for every item in it: written, skipped or failed with a reason.
/// Upsert sends one BatchWriteItem and re-sends what comes back unprocessed; insert-only sends conditional PutItems in parallel.
/// </summary>
internal sealed class ItemWriter(
    IAmazonDynamoDB dynamo, string table, TableSchema schema, WriteMode mode, ResiliencePipeline retry,
    AdaptiveConcurrency limiter, LoadTally tally, TimeProvider time)
{
    private readonly string _condition = $"attribute_not_exists(#k)";
    private readonly Dictionary<string, string> _conditionNames = new() { ["#k"] = schema.Key[0].Name };

    /// <summary>Set when a unit ran out of retries on a transient error: DynamoDB is unavailable, the rest is not attempted.</summary>
    public string? AbortReason { get; private set; }

    public async Task WriteAsync(IReadOnlyList<PendingItem> unit, CancellationToken cancellationToken)
    {
        using var activity = LoaderTelemetry.Source.StartActivity("loader.batch");
        activity?.SetTag("loader.batch.items", unit.Count);
        activity?.SetTag("loader.mode", mode == WriteMode.Upsert ? "upsert" : "insert-only");
        var started = time.GetTimestamp();
        var failedBefore = tally.Failed;
        if (mode == WriteMode.Upsert) await UpsertAsync(unit, cancellationToken);
        else await Task.WhenAll(unit.Select(item => InsertAsync(item, cancellationToken)));

        LoaderTelemetry.BatchDuration.Record(time.GetElapsedTime(started).TotalSeconds);
        if (tally.Failed != failedBefore) activity?.SetStatus(ActivityStatusCode.Error, "some items failed");
    }

    private async Task UpsertAsync(IReadOnlyList<PendingItem> unit, CancellationToken cancellationToken)
    {
        IReadOnlyList<PendingItem> pending = unit;
        try
        {
            await retry.ExecuteAsync(async token =>
            {
                var request = new BatchWriteItemRequest
                {
                    RequestItems = new() { [table] = pending.Select(p => new WriteRequest(new PutRequest(p.Item))).ToList() },
                };
                var sent = time.GetTimestamp();
                var response = await dynamo.BatchWriteItemAsync(request, token);
                var left = response.UnprocessedItems is { } u && u.TryGetValue(table, out var unprocessed) ? unprocessed : null;
                if (left is not { Count: > 0 })
                {
                    limiter.OnSuccess(time.GetElapsedTime(sent));
                    tally.AddWritten(pending.Count);
                    pending = [];
                    return;
                }

                var stillPending = Unprocessed(pending, left);
                tally.AddWritten(pending.Count - stillPending.Count);
                pending = stillPending;
                throw new UnprocessedItemsException(stillPending.Count);
            }, cancellationToken);
        }
        catch (Exception e) when (!WriteRetry.IsRetryable(e) && e is AmazonDynamoDBException && !cancellationToken.IsCancellationRequested)
        {
            // DynamoDB refused the whole request (a ValidationException names no item): write the items one by one so only
            // the offending ones fail, each with DynamoDB's reason.
            await Task.WhenAll(pending.Select(item => PutAsync(item, conditional: false, cancellationToken)));
        }
        catch (Exception e)
        {
            FailAll(pending, e, cancellationToken);
        }
    }

    private Task InsertAsync(PendingItem item, CancellationToken cancellationToken) => PutAsync(item, conditional: true, cancellationToken);

    private async Task PutAsync(PendingItem item, bool conditional, CancellationToken cancellationToken)
    {
        try
        {
            await retry.ExecuteAsync(async token =>
            {
                var request = new PutItemRequest { TableName = table, Item = item.Item };
                if (conditional)
                {
                    request.ConditionExpression = _condition;
                    request.ExpressionAttributeNames = _conditionNames;
                }

                var sent = time.GetTimestamp();
                await dynamo.PutItemAsync(request, token);
                limiter.OnSuccess(time.GetElapsedTime(sent));
            }, cancellationToken);
            tally.AddWritten(1);
        }
        catch (ConditionalCheckFailedException)
        {
            tally.AddSkipped(item);
        }
        catch (Exception e)
        {
            FailAll([item], e, cancellationToken);
        }
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
            reason = $"not confirmed written after {tally.Retries} retries in this load: {e.Message}";
            AbortReason ??= $"DynamoDB kept failing ({e.Message})";
        }
        else
        {
            reason = e.Message;
        }

        foreach (var item in items) tally.AddFailed(item, reason);
    }

    /// <summary>Matches DynamoDB's unprocessed requests back to our items by key.</summary>
    private List<PendingItem> Unprocessed(IReadOnlyList<PendingItem> pending, List<WriteRequest> unprocessed)
    {
        var keys = unprocessed.Select(w => ItemKey.Canonical(schema, w.PutRequest.Item)).ToHashSet(StringComparer.Ordinal);
        return pending.Where(p => keys.Contains(p.CanonicalKey)).ToList();
    }
}
