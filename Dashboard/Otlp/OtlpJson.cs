using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;

namespace CafeMenu.Dashboard.Otlp;

/// <summary>
/// Parses OTLP/JSON with Google.Protobuf's JSON parser, which already accepts camelCase names, enum integers and
/// 64-bit integers as strings. The one difference of the OTLP mapping is that trace and span ids are hex, not base64,
/// so those fields are rewritten first.
/// </summary>
internal static class OtlpJson
{
    private static readonly HashSet<string> HexIdFields = new(StringComparer.Ordinal)
    {
        "traceId", "spanId", "parentSpanId", "trace_id", "span_id", "parent_span_id",
    };

    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    /// <exception cref="FormatException">When the body is not OTLP JSON.</exception>
    public static T Parse<T>(string json) where T : IMessage, new()
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"Not JSON: {e.Message}", e);
        }

        if (root is not JsonObject)
        {
            throw new FormatException("An OTLP JSON body must be an object.");
        }

        RewriteHexIds(root);
        try
        {
            return Parser.Parse<T>(root.ToJsonString());
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new FormatException(e.Message, e);
        }
        catch (InvalidJsonException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    private static void RewriteHexIds(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj.ToList())
                {
                    if (value is null) continue;
                    if (HexIdFields.Contains(name) && value is JsonValue v && v.TryGetValue<string>(out var hex))
                    {
                        obj[name] = HexToBase64(name, hex);
                    }
                    else
                    {
                        RewriteHexIds(value);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null) RewriteHexIds(item);
                }

                break;
        }
    }

    private static string HexToBase64(string field, string hex)
    {
        try
        {
            return Convert.ToBase64String(Convert.FromHexString(hex));
        }
        catch (FormatException)
        {
            throw new FormatException($"'{field}' must be a hex string, got '{hex}'.");
        }
    }
}
