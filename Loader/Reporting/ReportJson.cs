using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CafeMenu.Loader;

/// <summary>JSON settings of the report: snake_case like the rest of the project's JSON.</summary>
internal static class ReportJson
{
    /// <summary>The summary's fields, source-generated: the published Loader is compiled ahead of time, without reflection.</summary>
    public static JsonTypeInfo<Reporting.LoadSummary> Summary => ReportJsonContext.Default.LoadSummary;

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

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Reporting.LoadSummary))]
internal sealed partial class ReportJsonContext : JsonSerializerContext;
