using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CafeMenu.Loader;

/// <summary>JSON settings of the report: snake_case like the rest of the project's JSON.</summary>
internal static class ReportJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>How the Loader writes JSON for people and files: text as it is ("café", not "caf\u00E9").</summary>
    public static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One skipped or failed item as a JSON line; the key is written as the JSON object it is.</summary>
    public static string OutcomeLine(Writing.ItemOutcome outcome)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Writer))
        {
            writer.WriteStartObject();
            writer.WriteString("file", outcome.File);
            writer.WriteNumber("line", outcome.Line);
            writer.WritePropertyName("key");
            writer.WriteRawValue(outcome.Key);
            if (outcome.Reason is not null) writer.WriteString("reason", outcome.Reason);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
