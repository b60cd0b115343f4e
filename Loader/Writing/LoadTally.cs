using System.Collections.Concurrent;

namespace CafeMenu.Loader.Writing;

/// <summary>One item that was skipped or failed, as listed in the report.</summary>
internal sealed record ItemOutcome(string File, int Line, string Key, string? Reason);

/// <summary>
/// Where every item ends: written, skipped or failed. Counts are exact; skipped and failed items are kept (first few in memory
/// for the console, all of them in a spill file when a report is asked for, so memory stays bounded).
/// </summary>
internal sealed class LoadTally : IDisposable
{
    public const int KeptInMemory = 20;

    private long _written;
    private long _skipped;
    private long _failed;
    private long _retries;
    private long _throttles;
    private long _alreadyConfirmed;
    private readonly ConcurrentQueue<ItemOutcome> _firstSkipped = new();
    private readonly ConcurrentQueue<ItemOutcome> _firstFailed = new();
    private readonly Lock _spillLock = new();
    private readonly StreamWriter? _skippedSpill;
    private readonly StreamWriter? _failedSpill;

    private readonly Resume.ConfirmationJournal? _journal;

    /// <param name="journal">Where confirmed items are recorded for <c>--resume</c>, when a report is written.</param>
    public LoadTally(bool keepAll, Resume.ConfirmationJournal? journal = null)
    {
        _journal = journal;
        if (!keepAll) return;
        SkippedSpillPath = System.IO.Path.GetTempFileName();
        FailedSpillPath = System.IO.Path.GetTempFileName();
        _skippedSpill = new StreamWriter(SkippedSpillPath);
        _failedSpill = new StreamWriter(FailedSpillPath);
    }

    public string? SkippedSpillPath { get; }
    public string? FailedSpillPath { get; }
    public long Written => Interlocked.Read(ref _written);
    public long Skipped => Interlocked.Read(ref _skipped);
    public long Failed => Interlocked.Read(ref _failed);
    public long Retries => Interlocked.Read(ref _retries);
    public long Throttles => Interlocked.Read(ref _throttles);
    /// <summary>Items an earlier run confirmed (<c>--resume</c>): not sent again.</summary>
    public long AlreadyConfirmed => Interlocked.Read(ref _alreadyConfirmed);
    public long Done => Written + Skipped + Failed + AlreadyConfirmed;

    /// <summary>Items written per second: not the failed ones, which Ctrl+C marks all at once (13,637 "items/s" for a real 2,624).</summary>
    public double WrittenPerSecond(TimeSpan elapsed) => elapsed <= TimeSpan.Zero ? 0 : Written / elapsed.TotalSeconds;
    public IReadOnlyCollection<ItemOutcome> FirstSkipped => _firstSkipped;
    public IReadOnlyCollection<ItemOutcome> FirstFailed => _firstFailed;

    public void AddWritten(IReadOnlyList<PendingItem> items)
    {
        _journal?.Confirm(items);
        Interlocked.Add(ref _written, items.Count);
        LoaderTelemetry.ItemsWritten.Add(items.Count);
    }

    public void AddAlreadyConfirmed() => Interlocked.Increment(ref _alreadyConfirmed);

    public void AddSkipped(PendingItem item)
    {
        _journal?.Confirm([item]); // in the table already: a resumed load need not send it again
        var n = Interlocked.Increment(ref _skipped);
        LoaderTelemetry.ItemsSkipped.Add(1);
        Keep(new ItemOutcome(item.File, item.Line, item.DisplayKey, "already in the table"), n, _firstSkipped, _skippedSpill);
    }

    public void AddFailed(PendingItem item, string reason)
    {
        var n = Interlocked.Increment(ref _failed);
        LoaderTelemetry.ItemsFailed.Add(1);
        Keep(new ItemOutcome(item.File, item.Line, item.DisplayKey, reason), n, _firstFailed, _failedSpill);
    }

    public void AddRetry(bool throttled)
    {
        Interlocked.Increment(ref _retries);
        LoaderTelemetry.Retries.Add(1);
        if (!throttled) return;
        Interlocked.Increment(ref _throttles);
        LoaderTelemetry.Throttles.Add(1);
    }

    public void FlushSpills()
    {
        lock (_spillLock)
        {
            _skippedSpill?.Flush();
            _failedSpill?.Flush();
        }
    }

    /// <summary>Why the spill files stopped taking items (a full temporary folder), or null: the report then cannot list them all.</summary>
    public string? SpillFailure { get; private set; }

    private void Keep(ItemOutcome outcome, long number, ConcurrentQueue<ItemOutcome> first, StreamWriter? spill)
    {
        if (number <= KeptInMemory) first.Enqueue(outcome);
        if (spill is null) return;
        var line = ReportJson.OutcomeLine(outcome);
        lock (_spillLock)
        {
            if (SpillFailure is not null) return;
            try
            {
                spill.WriteLine(line);
            }
            catch (Exception e) when (Reporting.ReportWriter.IsWriteFailure(e))
            {
                SpillFailure = e.Message; // the item is counted all the same; the write it records must not fail for it
            }
        }
    }

    public void Dispose()
    {
        foreach (var spill in new[] { _skippedSpill, _failedSpill })
        {
            try
            {
                spill?.Dispose();
            }
            catch (Exception e) when (Reporting.ReportWriter.IsWriteFailure(e))
            {
                // Its buffer could not be written out: the report was refused for it, and the file is deleted below.
            }
        }

        foreach (var path in new[] { SkippedSpillPath, FailedSpillPath })
        {
            if (path is not null) File.Delete(path);
        }
    }
}
