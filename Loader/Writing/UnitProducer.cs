using System.Collections;
using System.Threading.Channels;
using CafeMenu.Loader.Input;
using CafeMenu.Loader.Resume;
using CafeMenu.Loader.Validation;

namespace CafeMenu.Loader.Writing;

/// <summary>
/// The writing pass's reader: reads the input again and groups the validated records into units (one request each).
/// It stops at the first sign that the input is no longer what was validated (a file gone, unreadable, shorter, longer,
/// or a record whose content changed), so nothing is written that validation did not see; every validated record it did
/// not hand out is then failed with that reason.
/// </summary>
internal sealed class UnitProducer
{
    private readonly IReadOnlyList<RecordSource> _sources;
    private readonly ValidationOutcome _validation;
    private readonly TableSchema _schema;
    private readonly UnitLimits _limits;
    private readonly ConfirmedRecords? _alreadyConfirmed;
    private readonly LoadTally _tally;
    private readonly BitArray[] _handled;

    public UnitProducer(IReadOnlyList<RecordSource> sources, ValidationOutcome validation, TableSchema schema, UnitLimits limits,
        ConfirmedRecords? alreadyConfirmed, LoadTally tally)
    {
        _sources = sources;
        _validation = validation;
        _schema = schema;
        _limits = limits;
        _alreadyConfirmed = alreadyConfirmed;
        _tally = tally;
        _handled = validation.RecordsPerFile.Select(n => new BitArray(n)).ToArray();
    }

    /// <summary>Why the writing pass stopped before the end of the input, or null when it read it all as validated.</summary>
    public string? InputChanged { get; private set; }

    public async Task RunAsync(ChannelWriter<List<PendingItem>> output)
    {
        var unit = new List<PendingItem>(_limits.MaxItems);
        var path = "";
        try
        {
            var unitBytes = 0;
            var bySize = _limits.MaxBytes < int.MaxValue;
            for (var file = 0; file < _sources.Count && InputChanged is null; file++)
            {
                path = _sources[file].Path;
                var seen = 0;
                foreach (var record in _sources[file].Read())
                {
                    var (change, key, isWinner) = Check(file, record);
                    if (change is not null)
                    {
                        InputChanged = change;
                        break;
                    }

                    seen = record.Ordinal + 1;
                    if (!isWinner) continue; // superseded (last-wins), counted by validation
                    var item = record.Item!;

                    _handled[file][record.Ordinal] = true;
                    if (_alreadyConfirmed?.Contains(file, record.Ordinal) == true)
                    {
                        _tally.AddAlreadyConfirmed();
                        continue;
                    }

                    var pending = new PendingItem(path, record.Line, key, item, _schema, file, record.Ordinal);
                    var size = bySize ? pending.Size : 0;
                    if (unit.Count > 0 && unitBytes + size > _limits.MaxBytes)
                    {
                        await output.WriteAsync(unit, CancellationToken.None);
                        (unit, unitBytes) = (new List<PendingItem>(_limits.MaxItems), 0);
                    }

                    unit.Add(pending);
                    unitBytes += size;
                    if (unit.Count == _limits.MaxItems)
                    {
                        await output.WriteAsync(unit, CancellationToken.None);
                        (unit, unitBytes) = (new List<PendingItem>(_limits.MaxItems), 0);
                    }
                }

                if (InputChanged is null && seen < _validation.RecordsPerFile[file])
                {
                    InputChanged = $"{path} ends after {seen:N0} records, {_validation.RecordsPerFile[file]:N0} were validated (truncated?)";
                }
            }
        }
        catch (Exception e)
        {
            // Removed, replaced by a folder, unreadable: the items not yet handed out are failed below, never lost.
            InputChanged ??= $"{path} could not be read again: {e.Message}";
        }
        finally
        {
            // What was read before the change was validated and is unchanged: it is sent.
            if (unit.Count > 0) await output.WriteAsync(unit, CancellationToken.None);
            output.Complete();
        }
    }

    /// <summary>
    /// Whether this record shows that the file changed since validation (and how), its canonical key, and whether it is
    /// the record validation chose for its key.
    /// </summary>
    private (string? Change, string Key, bool IsWinner) Check(int file, InputRecord record)
    {
        var path = _sources[file].Path;
        if (record.Ordinal >= _validation.RecordsPerFile[file])
        {
            return ($"{path} has more records than were validated (line {record.Line} is new: appended?)", "", false);
        }

        if (record.Item is not { } item) return ($"{path} line {record.Line} can no longer be read: {record.Problem?.Reason}", "", false);
        var key = ItemKey.Canonical(_schema, item);
        if (!_validation.Winners.TryGetValue(ItemKey.Hash(key), out var winner))
        {
            return ($"{path} line {record.Line} holds a key that validation did not see", key, false);
        }

        if (winner.File == file && winner.Ordinal == record.Ordinal)
        {
            return (winner.Fingerprint == ItemFingerprint.Of(item) ? null : $"{path} line {record.Line} changed after validation", key, true);
        }

        // A record that a later one superseded comes before it; one after its key's winner was moved or copied.
        var superseded = winner.File > file || (winner.File == file && winner.Ordinal > record.Ordinal);
        return (superseded ? null : $"{path} line {record.Line} repeats the key of line {winner.Line}, which validation did not see", key, false);
    }

    /// <summary>Fails every validated record this pass did not hand out, in input order, with why.</summary>
    public void FailUnsent()
    {
        var reason = $"not written: the input changed after validation: {InputChanged ?? "the record was not found again where it was validated"}";
        foreach (var record in _validation.Winners.Values.Where(r => !_handled[r.File][r.Ordinal]).OrderBy(r => r.File).ThenBy(r => r.Ordinal))
        {
            _tally.AddFailed(new PendingItem(_sources[record.File].Path, record.Line, "", [], schema: null, record.File, record.Ordinal), reason);
        }
    }
}
