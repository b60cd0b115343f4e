namespace CafeMenu.Loader.Input;

/// <summary>The four input formats; <see cref="Infer"/> picks one from the file name when <c>--format</c> is not given.</summary>
internal enum InputFormat
{
    Json,
    Ndjson,
    Csv,
    DdbJson,
}

internal static class InputFormats
{
    public static readonly string[] Names = ["json", "ndjson", "csv", "ddb-json"];

    public static InputFormat Parse(string name) => name.ToLowerInvariant() switch
    {
        "json" => InputFormat.Json,
        "ndjson" or "jsonl" => InputFormat.Ndjson,
        "csv" => InputFormat.Csv,
        "ddb-json" or "ddbjson" => InputFormat.DdbJson,
        _ => throw new ArgumentException($"unknown format '{name}'"),
    };

    public static string Name(InputFormat format) => Names[(int)format];

    /// <summary>
    /// From the extension: .csv, .ndjson/.jsonl, .json; a name ending in .ddb.json/.ddb.ndjson, or a JSON file whose first record
    /// is <c>{"Item": {...}}</c> (the shape of DynamoDB's own exports and of <c>export</c>), is DynamoDB JSON.
    /// </summary>
    public static InputFormat? Infer(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".csv", StringComparison.Ordinal)) return InputFormat.Csv;
        if (name.EndsWith(".ddb.json", StringComparison.Ordinal) || name.EndsWith(".ddb.ndjson", StringComparison.Ordinal)
            || name.EndsWith(".ddbjson", StringComparison.Ordinal)) return InputFormat.DdbJson;
        var lineDelimited = name.EndsWith(".ndjson", StringComparison.Ordinal) || name.EndsWith(".jsonl", StringComparison.Ordinal);
        if (!lineDelimited && !name.EndsWith(".json", StringComparison.Ordinal)) return null;
        if (File.Exists(path) && FirstRecordIsExportShape(path)) return InputFormat.DdbJson;
        return lineDelimited ? InputFormat.Ndjson : InputFormat.Json;
    }

    private static bool FirstRecordIsExportShape(string path)
    {
        using var reader = new StreamReader(path);
        var buffer = new char[64];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        var start = new string(buffer, 0, read).TrimStart().TrimStart('[').TrimStart();
        return start.StartsWith("{\"Item\"", StringComparison.Ordinal);
    }
}
