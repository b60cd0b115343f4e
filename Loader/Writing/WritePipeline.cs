using System.Threading.Channels;
using CafeMenu.Loader.Input;
using CafeMenu.Loader.Validation;
using CafeMenu.Menu;

namespace CafeMenu.Loader.Writing;

/// <summary>
/// The second pass: reads the input again, groups the items to write into units (one request each), and keeps as many units in
/// flight as the limiter allows. Memory holds only the units queued and in flight.
/// </summary>
internal sealed class WritePipeline(ItemWriter writer, AdaptiveConcurrency limiter, LoadTally tally, TableSchema schema, UnitLimits limits)
{
    public async Task RunAsync(IReadOnlyList<RecordSource> sources, ValidationOutcome validation, CancellationToken cancellationToken)
    {
        // Cancelling the load, or DynamoDB staying unavailable, stops new writes; items not sent are then failed, never dropped.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var units = Channel.CreateBounded<List<PendingItem>>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(sources, validation, units.Writer, cancellationToken), CancellationToken.None);

        var inFlight = new HashSet<Task>();
        await foreach (var unit in units.Reader.ReadAllAsync(CancellationToken.None))
        {
            if (writer.AbortReason is not null) await stop.CancelAsync();
            if (stop.IsCancellationRequested)
            {
                FailUnsent(unit, cancellationToken);
                continue;
            }

            try
            {
                await limiter.AcquireAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                FailUnsent(unit, cancellationToken);
                continue;
            }

            inFlight.Add(RunUnitAsync(unit, stop.Token));
            if (inFlight.Count > 256) inFlight.RemoveWhere(t => t.IsCompleted);
        }

        await producer;
        await Task.WhenAll(inFlight);
    }

    private async Task RunUnitAsync(List<PendingItem> unit, CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteAsync(unit, cancellationToken);
        }
        finally
        {
            limiter.Release();
        }
    }

    private void FailUnsent(List<PendingItem> unit, CancellationToken cancellationToken)
    {
        var reason = cancellationToken.IsCancellationRequested
            ? "not written: the load was cancelled before this item was sent"
            : $"not written: the load stopped because {writer.AbortReason}";
        foreach (var item in unit) tally.AddFailed(item, reason);
    }

    private async Task ProduceAsync(IReadOnlyList<RecordSource> sources, ValidationOutcome validation, ChannelWriter<List<PendingItem>> output,
        CancellationToken cancellationToken)
    {
        try
        {
            var unit = new List<PendingItem>(limits.MaxItems);
            var unitBytes = 0;
            var bySize = limits.MaxBytes < int.MaxValue;
            for (var file = 0; file < sources.Count; file++)
            {
                var path = sources[file].Path;
                foreach (var record in sources[file].Read())
                {
                    if (record.Item is not { } item)
                    {
                        // The file changed since validation; the record cannot be named by key.
                        tally.AddFailed(new PendingItem(path, record.Line, "", [], schema: null), $"the record became unreadable after validation: {record.Problem?.Reason}");
                        continue;
                    }

                    var key = ItemKey.Canonical(schema, item);
                    if (!validation.Winners.TryGetValue(ItemKey.Hash(key), out var winner) || winner.File != file || winner.Ordinal != record.Ordinal)
                    {
                        continue; // superseded by a later record with the same key (last-wins), counted by the validation pass
                    }

                    var size = bySize ? ItemSize.Of(item) : 0;
                    if (unit.Count > 0 && unitBytes + size > limits.MaxBytes)
                    {
                        await output.WriteAsync(unit, CancellationToken.None);
                        (unit, unitBytes) = (new List<PendingItem>(limits.MaxItems), 0);
                    }

                    unit.Add(new PendingItem(path, record.Line, key, item, schema));
                    unitBytes += size;
                    if (unit.Count == limits.MaxItems)
                    {
                        await output.WriteAsync(unit, CancellationToken.None);
                        (unit, unitBytes) = (new List<PendingItem>(limits.MaxItems), 0);
                    }
                }
            }

            if (unit.Count > 0) await output.WriteAsync(unit, CancellationToken.None);
        }
        finally
        {
            output.Complete();
        }
    }
}
