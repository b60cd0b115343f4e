using Amazon.DynamoDBv2.Model;
using CafeMenu.Loader.Input;
using CafeMenu.Menu;

namespace CafeMenu.Loader.Validation;

/// <summary>Which of two records with one key is written: the first (fail mode reports the second) or the last (last-wins).</summary>
internal enum DuplicatePolicy
{
    Fail,
    LastWins,
}

/// <summary>Where a record is: its file's position in the input list and its position in that file.</summary>
internal readonly record struct RecordId(int File, int Ordinal, int Line);

/// <summary>The outcome of reading the whole input once: counts, the errors (capped), and for last-wins which record wins each key.</summary>
internal sealed class ValidationOutcome(int maxErrorsKept)
{
    private readonly List<ValidationError> _errors = [];

    public long Records { get; set; }
    public long ErrorCount { get; private set; }
    public long Superseded { get; set; }
    public IReadOnlyList<ValidationError> Errors => _errors;
    public Dictionary<UInt128, RecordId> Winners { get; } = [];
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
    public static ValidationOutcome Validate(IReadOnlyList<RecordSource> sources, TableSchema schema, DuplicatePolicy duplicates,
        int maxErrorsKept, CancellationToken cancellationToken)
    {
        var result = new ValidationOutcome(maxErrorsKept);
        for (var file = 0; file < sources.Count; file++)
        {
            var source = sources[file];
            foreach (var record in source.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                result.Records++;
                if (record.Problem is { } problem)
                {
                    result.Add(new ValidationError(source.Path, record.Line, problem.Attribute, problem.Reason));
                    if (problem.Fatal) result.Records--; // not a record, the file could not be read further
                    continue;
                }

                var item = record.Item!;
                var errorsBefore = result.ErrorCount;
                foreach (var (attribute, reason) in Check(item, schema))
                {
                    result.Add(new ValidationError(source.Path, record.Line, attribute, reason));
                }

                if (result.ErrorCount != errorsBefore) continue;

                var id = new RecordId(file, record.Ordinal, record.Line);
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

    /// <summary>Key attributes present with the table's type, not empty and within DynamoDB's key sizes; index key attributes, when given, of the index's type; nesting within DynamoDB's limit; size under 400 KB.</summary>
    internal static IEnumerable<(string? Attribute, string Reason)> Check(Dictionary<string, AttributeValue> item, TableSchema schema)
    {
        foreach (var (name, type) in schema.Key)
        {
            if (!item.TryGetValue(name, out var value))
            {
                yield return (name, $"the key attribute is missing (the table's key is {string.Join(", ", schema.Key.Select(k => $"{k.Name} ({k.Type})"))})");
                continue;
            }

            foreach (var problem in CheckKeyValue(value, type, "key attribute")) yield return (name, problem);
            var (limit, role) = name == schema.Key[0].Name ? (MaxPartitionKeyBytes, "partition") : (MaxSortKeyBytes, "sort");
            if (KeyBytes(value) is var bytes and > 0 && bytes > limit)
            {
                yield return (name, $"the {role} key is {bytes:N0} bytes; DynamoDB allows at most {limit:N0}");
            }
        }

        foreach (var problem in MenuKeyRule.Check(item, schema)) yield return problem;

        foreach (var (name, type) in schema.IndexKeys)
        {
            if (item.TryGetValue(name, out var value) && value.NULL != true)
            {
                foreach (var problem in CheckKeyValue(value, type, "index key attribute")) yield return (name, problem);
            }
        }

        foreach (var (name, value) in item)
        {
            if (NestingDepth(value) is var depth and > MaxNestedContainers)
            {
                yield return (name, $"nests {depth} lists and maps inside each other; DynamoDB allows at most {MaxNestedContainers} (32 levels, counting the item)");
            }
        }

        var size = ItemSize.Of(item);
        if (size >= ItemSize.MaxBytes)
        {
            yield return (null, $"the item is {size:N0} bytes; DynamoDB items must be under {ItemSize.MaxBytes:N0} bytes (400 KB)");
        }
    }

    private const int MaxPartitionKeyBytes = 2048;
    private const int MaxSortKeyBytes = 1024;

    /// <summary>The size DynamoDB counts for a string or binary key (UTF-8 bytes); 0 for numbers, which have no such limit here.</summary>
    private static int KeyBytes(AttributeValue value) =>
        value.S is { } text ? System.Text.Encoding.UTF8.GetByteCount(text) : value.B is { } binary ? (int)binary.Length : 0;

    /// <summary>DynamoDB Local refuses an item with 32 lists or maps nested in one attribute and takes one with 31.</summary>
    private const int MaxNestedContainers = 31;

    /// <summary>How many lists and maps are nested inside each other in the value, at the deepest.</summary>
    private static int NestingDepth(AttributeValue value)
    {
        IEnumerable<AttributeValue>? children = value.L is { } list ? list : value.M is { } map ? map.Values : null;
        if (children is null) return 0;
        var deepest = 0;
        foreach (var child in children) deepest = Math.Max(deepest, NestingDepth(child));
        return deepest + 1;
    }

    private static IEnumerable<string> CheckKeyValue(AttributeValue value, string type, string what)
    {
        var actual = TypeOf(value);
        if (actual != type)
        {
            yield return $"the {what} must be of type {type}, got {actual}";
        }
        else if ((type == "S" && value.S.Length == 0) || (type == "B" && value.B.Length == 0))
        {
            yield return $"the {what} must not be empty";
        }
    }

    internal static string TypeOf(AttributeValue value) =>
        value.S is not null ? "S" : value.N is not null ? "N" : value.B is not null ? "B" : value.BOOL is not null ? "BOOL"
        : value.NULL is not null ? "NULL" : value.SS is not null ? "SS" : value.NS is not null ? "NS" : value.BS is not null ? "BS"
        : value.L is not null ? "L" : value.M is not null ? "M" : "nothing";
}
