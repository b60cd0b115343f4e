using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Loader.Input;

/// <summary>One record read from an input file: the item, or the problem that made it unreadable.</summary>
/// <param name="Ordinal">Position of the record within its file (0-based); with the file it identifies the record.</param>
/// <param name="Line">1-based line where the record starts, for messages.</param>
internal readonly record struct InputRecord(int Ordinal, int Line, Dictionary<string, AttributeValue>? Item, RecordProblem? Problem);

/// <summary>Why a record cannot be loaded; <see cref="Attribute"/> is null when the problem is not about one attribute.</summary>
/// <param name="Fatal">The rest of the file cannot be read (broken JSON syntax in an array).</param>
internal sealed record RecordProblem(string? Attribute, string Reason, bool Fatal = false);

/// <summary>Thrown by the converters for the first problem of a record.</summary>
internal sealed class RecordException(string? attribute, string reason) : Exception(reason)
{
    public string? Attribute { get; } = attribute;

    public RecordProblem ToProblem() => new(Attribute, Message);
}
