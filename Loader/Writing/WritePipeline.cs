using System.Threading.Channels;
using CafeMenu.Loader.Input;
using CafeMenu.Loader.Resume;
using CafeMenu.Loader.Validation;

namespace CafeMenu.Loader.Writing;

/// <summary>
/// The second pass: <see cref="UnitProducer"/> reads the input again into units (one request each), and as many units are
/// kept in flight as the limiter allows. Memory holds only the units queued and in flight. However the reading ends, every
/// request in flight is awaited and every validated item ends written, skipped or failed.
/// </summary>
internal sealed class WritePipeline(ItemWriter writer, AdaptiveConcurrency limiter, LoadTally tally, TableSchema schema, UnitLimits limits)
{
    /// <summary>Why the input could not be written as validated (it changed between the passes), or null.</summary>
    public string? InputChanged { get; private set; }

    public async Task RunAsync(IReadOnlyList<RecordSource> sources, ValidationOutcome validation, ConfirmedRecords? alreadyConfirmed,
        CancellationToken cancellationToken)
    {
        // Cancelling the load, or DynamoDB staying unavailable, stops new writes; items not sent are then failed, never dropped.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var units = Channel.CreateBounded<List<PendingItem>>(new BoundedChannelOptions(64) { SingleReader = true, SingleWriter = true });
        var producer = new UnitProducer(sources, validation, schema, limits, alreadyConfirmed, tally);
        var producing = Task.Run(() => producer.RunAsync(units.Writer), CancellationToken.None);

        var inFlight = new HashSet<Task>();
        try
        {
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
        }
        finally
        {
            await producing;
            await Task.WhenAll(inFlight);
        }

        InputChanged = producer.InputChanged;
        producer.FailUnsent();
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
}
