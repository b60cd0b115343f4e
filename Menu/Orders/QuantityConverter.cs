using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CafeMenu.Menu;

/// <summary>
/// Reads a quantity from the JSON number's own digits: a whole number from 1 to 50. 0, -1, 1.5, 10^40, a string, null or
/// true are each refused with a sentence (a <see cref="JsonFieldException"/>, keyed by the field's path), never rounded or
/// overflowed by the default int conversion.
/// </summary>
public sealed class QuantityConverter : JsonConverter<int>
{
    public override bool HandleNull => true;

    public override int Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonFieldException($"quantity must be a JSON number, a whole number from {OrderRules.MinQuantity} to {OrderRules.MaxQuantity} (got {Describe(reader.TokenType)}).");
        }

        var text = Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        return Check(text, out var quantity) is { } error ? throw new JsonFieldException(error) : quantity;
    }

    public override void Write(Utf8JsonWriter writer, int value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <returns>null when <paramref name="text"/> is a valid quantity (then in <paramref name="quantity"/>), otherwise why not.</returns>
    public static string? Check(string text, out int quantity)
    {
        quantity = 0;
        var shown = EchoedText.Shorten(text);
        var range = $"a whole number from {OrderRules.MinQuantity} to {OrderRules.MaxQuantity}";
        if (!NumberText.TryParse(text, out var number)) return $"quantity must be {range} (got '{shown}').";
        if (number.DecimalPlaces > 0) return $"quantity must be {range}; {shown} is not whole.";
        // Compared on the digits, so 10^40 is refused as too large rather than overflowing an int.
        if (number.Negative || number.IsZero || number.Magnitude >= 2 || !int.TryParse(number.Digits + new string('0', (int)number.Exponent), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out quantity)
            || quantity is < OrderRules.MinQuantity or > OrderRules.MaxQuantity)
        {
            quantity = 0;
            return $"quantity must be {range} (got {shown}).";
        }

        return null;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Null => "null",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        _ => token.ToString(),
    };
}
