using Amazon.DynamoDBv2.Model;
using CafeMenu.Loader.Input;

namespace CafeMenu.Loader.Validation;

/// <summary>Which of two records with one key is written: the first (fail mode reports the second) or the last (last-wins).</summary>
internal enum DuplicatePolicy
{
    Fail,
    LastWins,
}

/// <summary>Where a record is (its file's position in the input list, its position in that file) and what it held.</summary>
internal readonly record struct RecordId(int File, int Ordinal, int Line, UInt128 Fingerprint);

/// <summary>The outcome of reading the whole input once: counts, the errors (capped), and for last-wins which record wins each key.</summary>
internal sealed class ValidationOutcome(int maxErrorsKept)
{
    private readonly List<ValidationError> _errors = [];

    public long Records { get; set; }
    public long ErrorCount { get; private set; }
    public long Superseded { get; set; }
    public IReadOnlyList<ValidationError> Errors => _errors;
    public Dictionary<UInt128, RecordId> Winners { get; } = [];

    /// <summary>Records of each input file (one past the last ordinal): the writing pass must find no more and no fewer.</summary>
    public List<int> RecordsPerFile { get; } = [];
    public long ItemsToWrite => Records - Superseded;
    public bool IsValid => ErrorCount == 0;

    public void Add(ValidationError error)
    {
        ErrorCount++;
        if (_errors.Count < maxErrorsKept) _errors.Add(error);
    }
}

/// <summary>The first pass over the input: every record read, converted and checked before anything is written.</summary>
internal static class InputValidator
{
    /// <param name="fingerprints">
    /// Whether each winning record keeps its <see cref="ItemFingerprint"/>, which only a writing pass reads: a dry run
    /// has none, and leaves the <see cref="RecordId.Fingerprint"/>s zero.
    /// </param>
    public static ValidationOutcome Validate(IReadOnlyList<RecordSource> sources, TableSchema schema, DuplicatePolicy duplicates,
        int maxErrorsKept, CancellationToken cancellationToken, bool fingerprints = true)
    {
        var result = new ValidationOutcome(maxErrorsKept);
        for (var file = 0; file < sources.Count; file++)
        {
            var source = sources[file];
            result.RecordsPerFile.Add(0);
            foreach (var record in source.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                result.RecordsPerFile[file] = Math.Max(result.RecordsPerFile[file], record.Ordinal + 1);
                result.Records++;
                if (record.Problem is { } problem)
                {
                    result.Add(new ValidationError(source.Path, record.Line, problem.Attribute, problem.Reason));
                    if (problem.Fatal) result.Records--; // not a record, the file could not be read further
                    continue;
                }

                var item = record.Item!;
                var errorsBefore = result.ErrorCount;
                foreach (var (attribute, reason) in ItemRules.Check(item, schema))
                {
                    result.Add(new ValidationError(source.Path, record.Line, attribute, reason));
                }

                if (result.ErrorCount != errorsBefore) continue;

                var id = new RecordId(file, record.Ordinal, record.Line, fingerprints ? ItemFingerprint.Of(item) : default);
                var key = ItemKey.Hash(ItemKey.Canonical(schema, item));
                if (!result.Winners.TryGetValue(key, out var earlier))
                {
                    result.Winners.Add(key, id);
                }
                else if (duplicates == DuplicatePolicy.Fail)
                {
                    result.Add(new ValidationError(source.Path, record.Line, null,
                        $"duplicate key {ItemKey.Display(schema, item)}, first at {sources[earlier.File].Path}:{earlier.Line} (use --on-duplicate last-wins to keep the last)"));
                }
                else
                {
                    result.Winners[key] = id;
                    result.Superseded++;
                }
            }
        }

        return result;
    }
}
