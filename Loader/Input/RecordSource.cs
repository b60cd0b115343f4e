using System.Text;
using System.Text.Json;

namespace CafeMenu.Loader.Input;

/// <summary>Opens one input file in its format and streams its records; a file can be read twice (validation, then writing).</summary>
internal sealed record RecordSource(string Path, InputFormat Format)
{
    /// <summary>Records converted per parallel block: enough to keep both cores busy, few enough to bound memory.</summary>
    private const int ParallelBlock = 512;

    /// <param name="parallel">
    /// Convert JSON records to items on every core, in blocks, keeping their order. The validation pass does, as DynamoDB
    /// is idle then; the write pass does not, as it would take CPU from a DynamoDB Local on the same machine.
    /// </param>
    public IEnumerable<InputRecord> Read(bool parallel = false)
    {
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var records = Format switch
        {
            InputFormat.Csv => CsvRecordReader.Read(stream),
            InputFormat.Json => FromJson(JsonArrayRecordReader.Read(stream), PlainJsonConverter.ToItem, parallel),
            InputFormat.Ndjson => FromJson(ReadLines(stream), PlainJsonConverter.ToItem, parallel),
            InputFormat.DdbJson => FromJson(StartsWithArray(stream) ? JsonArrayRecordReader.Read(stream) : ReadLines(stream), DynamoJsonConverter.ToItem, parallel),
            _ => throw new ArgumentOutOfRangeException(nameof(Format)),
        };
        foreach (var record in records) yield return record;
    }

    private static IEnumerable<InputRecord> FromJson(
        IEnumerable<(int Line, JsonDocument? Document, RecordProblem? Problem)> documents,
        Func<JsonElement, Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>> convert, bool parallel)
    {
        var ordinal = 0;
        foreach (var block in documents.Chunk(parallel ? ParallelBlock : 1))
        {
            var records = new InputRecord[block.Length];
            var first = ordinal;
            if (block.Length == 1) records[0] = Convert(first, block[0], convert);
            else Parallel.For(0, block.Length, i => records[i] = Convert(first + i, block[i], convert));
            ordinal += block.Length;
            foreach (var record in records) yield return record;
        }
    }

    private static InputRecord Convert(int ordinal, (int Line, JsonDocument? Document, RecordProblem? Problem) parsed,
        Func<JsonElement, Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>> convert)
    {
        if (parsed.Document is not { } document) return new InputRecord(ordinal, parsed.Line, null, parsed.Problem);
        using (document)
        {
            try
            {
                return new InputRecord(ordinal, parsed.Line, convert(document.RootElement), null);
            }
            catch (RecordException e)
            {
                return new InputRecord(ordinal, parsed.Line, null, e.ToProblem());
            }
        }
    }

    /// <summary>One JSON value per line; blank lines are allowed and skipped.</summary>
    private static IEnumerable<(int, JsonDocument?, RecordProblem?)> ReadLines(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16, leaveOpen: true);
        var line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            JsonDocument? document = null;
            RecordProblem? problem = null;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                problem = new RecordProblem(null, $"malformed JSON: {JsonArrayRecordReader.FirstSentence(e.Message)}");
            }

            yield return (line, document, problem);
        }
    }

    private static bool StartsWithArray(Stream stream)
    {
        int b;
        do
        {
            b = stream.ReadByte();
        }
        while (b is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);
        stream.Position = 0;
        return b == '[';
    }
}
