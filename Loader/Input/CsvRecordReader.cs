using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.DynamoDBv2.Model;
using CsvHelper;

namespace CafeMenu.Loader.Input;

/// <summary>
/// CSV with a header row. A column's DynamoDB type follows its name after a colon (<c>price:N</c>); without one it is S.
/// Types: S, N, BOOL, NULL, B (base64), and SS, NS, L, M, JSON whose cells hold JSON. An empty cell leaves the attribute out.
/// </summary>
internal static class CsvRecordReader
{
    private static readonly string[] Types = ["S", "N", "BOOL", "NULL", "B", "SS", "NS", "L", "M", "JSON"];

    public static IEnumerable<InputRecord> Read(Stream stream)
    {
        var malformed = new List<CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            AllowLineBreaksInQuotes = true,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = record => malformed.Add(record),
        };
        using var csv = CsvReader.Create(stream, options, leaveOpen: true);
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        if (header.Length == 0)
        {
            yield return new InputRecord(0, 1, null, new RecordProblem(null, "the CSV file has no header row", true));
            yield break;
        }

        var columns = new (string Name, string Type)[header.Length];
        for (var i = 0; i < header.Length; i++)
        {
            var (name, type) = SplitHeader(header[i]);
            if (name.Length == 0 || !Types.Contains(type))
            {
                yield return new InputRecord(0, 1, null, new RecordProblem(header[i],
                    $"column header '{header[i]}' must be name or name:TYPE with TYPE one of {string.Join(", ", Types)}", true));
                yield break;
            }

            if (columns.Take(i).Any(c => c.Name == name))
            {
                yield return new InputRecord(0, 1, null, new RecordProblem(header[i], $"column {name} appears twice in the header; each attribute needs one column", true));
                yield break;
            }

            columns[i] = (name, type);
        }

        var ordinal = 0;
        while (true)
        {
            var more = csv.Read();
            // Records the reader skipped as malformed are reported where they were found, so none goes unnoticed.
            foreach (var bad in malformed)
            {
                var reason = bad.Reason == CsvMalformedReason.FieldCountMismatch
                    ? $"the number of fields differs from the header's {columns.Length}"
                    : $"malformed CSV ({bad.Reason})";
                yield return new InputRecord(-1, (int)bad.LineNumber, null, new RecordProblem(null, reason));
            }

            malformed.Clear();
            if (!more) yield break;

            var line = (int)csv.LineNumber;
            RecordProblem? problem = null;
            Dictionary<string, AttributeValue>? item = null;
            try
            {
                var cells = new string[columns.Length];
                for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i) ?? "";
                item = ToItem(columns, cells);
            }
            catch (RecordException e)
            {
                problem = e.ToProblem();
            }

            yield return new InputRecord(ordinal++, line, problem is null ? item : null, problem);
        }
    }

    private static (string Name, string Type) SplitHeader(string header)
    {
        var colon = header.LastIndexOf(':');
        return colon < 0 ? (header.Trim(), "S") : (header[..colon].Trim(), header[(colon + 1)..].Trim().ToUpperInvariant());
    }

    private static Dictionary<string, AttributeValue> ToItem((string Name, string Type)[] columns, string[] cells)
    {
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            var (name, type) = columns[i];
            var cell = cells[i];
            if (cell.Length == 0) continue;
            item[name] = type switch
            {
                "S" => new AttributeValue { S = cell },
                "N" => PlainJsonConverter.Number(cell.Trim(), name),
                "BOOL" => bool.TryParse(cell.Trim(), out var b) ? new AttributeValue { BOOL = b } : throw new RecordException(name, $"'{PlainJsonConverter.Shorten(cell)}' is not true or false"),
                "NULL" => new AttributeValue { NULL = true },
                "B" => DynamoJsonConverter.ToValue(Descriptor("B", JsonSerializer.Serialize(cell, CsvCellJson.Default.String)), name),
                "SS" => DynamoJsonConverter.ToValue(Descriptor("SS", cell), name),
                "NS" => DynamoJsonConverter.ToValue(Descriptor("NS", NumbersAsStrings(cell, name)), name),
                "L" or "M" or "JSON" => FromJson(cell, name, type),
                _ => throw new RecordException(name, $"unknown type {type}"),
            };
        }

        return item;
    }

    private static AttributeValue FromJson(string cell, string name, string type)
    {
        using var document = Parse(cell, name);
        var kind = document.RootElement.ValueKind;
        if (type == "L" && kind != JsonValueKind.Array) throw new RecordException(name, "an L cell must hold a JSON array");
        if (type == "M" && kind != JsonValueKind.Object) throw new RecordException(name, "an M cell must hold a JSON object");
        return PlainJsonConverter.ToValue(document.RootElement, name);
    }

    private static JsonElement Descriptor(string type, string jsonValue)
    {
        using var document = Parse($"{{\"{type}\":{jsonValue}}}", type);
        return document.RootElement.Clone();
    }

    // An NS cell may hold numbers ([1, 2.5]) or strings (["1", "2.5"]); both keep their digits.
    private static string NumbersAsStrings(string cell, string name)
    {
        using var document = Parse(cell, name);
        if (document.RootElement.ValueKind != JsonValueKind.Array) throw new RecordException(name, "an NS cell must hold a JSON array");
        return JsonSerializer.Serialize(document.RootElement.EnumerateArray()
            .Select(e => e.ValueKind == JsonValueKind.Number ? e.GetRawText() : e.ValueKind == JsonValueKind.String ? JsonText.String(e, name) : throw new RecordException(name, "NS members must be numbers"))
            .ToList(), CsvCellJson.Default.ListString);
    }

    private static JsonDocument Parse(string json, string name)
    {
        try
        {
            return JsonDocument.Parse(json, JsonDepth.Document);
        }
        catch (JsonException e)
        {
            throw new RecordException(name, $"the cell is not valid JSON: {JsonArrayRecordReader.FirstSentence(e.Message)}");
        }
    }
}

/// <summary>Source-generated, so the published Loader (compiled ahead of time, without reflection) can write these.</summary>
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class CsvCellJson : JsonSerializerContext;
