using System.Text;
using System.Text.Json;

namespace CafeMenu.Loader.Input;

/// <summary>Opens one input file in its format and streams its records; a file can be read twice (validation, then writing).</summary>
internal sealed record RecordSource(string Path, InputFormat Format)
{
    public IEnumerable<InputRecord> Read()
    {
        using var stream = new Utf8CheckingStream(new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        IEnumerator<InputRecord>? records = null;
        try
        {
            while (true)
            {
                InputRecord record;
                var last = false;
                try
                {
                    records ??= Open(stream).GetEnumerator();
                    if (!records.MoveNext()) yield break;
                    record = records.Current;
                }
                catch (InvalidUtf8Exception e)
                {
                    // Text that is not UTF-8 would be loaded altered: the file is refused where it breaks.
                    record = new InputRecord(0, e.Line, null, new RecordProblem(null, $"the file is not valid UTF-8: {e.Detail}", true));
                    last = true;
                }

                yield return record;
                if (last) yield break;
            }
        }
        finally
        {
            records?.Dispose();
        }
    }

    private IEnumerable<InputRecord> Open(Stream stream) => Format switch
    {
        InputFormat.Csv => CsvRecordReader.Read(stream),
        InputFormat.Json => FromJson(JsonArrayRecordReader.Read(stream), PlainJsonConverter.ToItem),
        InputFormat.Ndjson => FromJson(ReadLines(stream), PlainJsonConverter.ToItem),
        InputFormat.DdbJson => FromJson(StartsWithArray(stream) ? JsonArrayRecordReader.Read(stream) : ReadLines(stream), DynamoJsonConverter.ToItem),
        _ => throw new ArgumentOutOfRangeException(nameof(Format)),
    };

    private static IEnumerable<InputRecord> FromJson(
        IEnumerable<(int Line, JsonDocument? Document, RecordProblem? Problem)> documents,
        Func<JsonElement, Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>> convert)
    {
        var ordinal = 0;
        foreach (var (line, document, problem) in documents)
        {
            if (document is null)
            {
                yield return new InputRecord(ordinal++, line, null, problem);
                continue;
            }

            using (document)
            {
                InputRecord record;
                try
                {
                    record = new InputRecord(ordinal, line, convert(document.RootElement), null);
                }
                catch (RecordException e)
                {
                    record = new InputRecord(ordinal, line, null, e.ToProblem());
                }

                ordinal++;
                yield return record;
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
                document = JsonDocument.Parse(text, JsonDepth.Document);
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
