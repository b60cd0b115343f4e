using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CafeMenu.Menu;

/// <summary>
/// Reads a price from the JSON number's own digits (or a numeric string) through <see cref="PriceRule"/>, so a price is
/// checked before System.Text.Json's decimal conversion could round it. A broken rule is a <see cref="JsonFieldException"/>.
/// </summary>
public sealed class ExactPriceConverter : JsonConverter<decimal>
{
    public override bool HandleNull => true;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType switch
        {
            JsonTokenType.Number => Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan),
            JsonTokenType.String => reader.GetString() ?? "",
            _ => throw new JsonFieldException("price must be a number such as 4.50, or a string holding one."),
        };
        return PriceRule.Check(text, out var price) is { } error ? throw new JsonFieldException(error) : price;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}

/// <summary>A field that is well-formed JSON but breaks a rule; its message is a sentence for the client, keyed by its JSON path.</summary>
public sealed class JsonFieldException(string message) : JsonException(message);
