using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Loader.Validation;

/// <summary>An item's primary key as text: a canonical form to find duplicates, and a readable JSON form for messages and reports.</summary>
internal static class ItemKey
{
    /// <summary>Equal for keys DynamoDB considers equal (numbers compare by value: 1, 1.0 and 1E0 are one key).</summary>
    public static string Canonical(TableSchema schema, IReadOnlyDictionary<string, AttributeValue> item)
    {
        if (schema.Key.Count == 1) return Canonical(item[schema.Key[0].Name]);
        return Canonical(item[schema.Key[0].Name]) + "\u0000" + Canonical(item[schema.Key[1].Name]);
    }

    /// <summary>
    /// A 128-bit hash of a canonical key: the key set of a million items then takes about 40 MB instead of 100. Two keys
    /// share a hash with a chance of about n²/2¹²⁹ (1E-27 for a million keys).
    /// </summary>
    public static UInt128 Hash(string canonical) => XxHash128.HashToUInt128(Encoding.UTF8.GetBytes(canonical));

    public static string Display(TableSchema schema, IReadOnlyDictionary<string, AttributeValue> item)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, ReportJson.Writer))
        {
            writer.WriteStartObject();
            foreach (var (name, _) in schema.Key)
            {
                if (!item.TryGetValue(name, out var value)) continue;
                writer.WritePropertyName(name);
                if (value.S is not null) writer.WriteStringValue(value.S);
                else if (value.N is not null) writer.WriteRawValue(value.N, skipInputValidation: true);
                else if (value.B is not null) writer.WriteBase64StringValue(value.B.ToArray());
                else writer.WriteNullValue();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Canonical(AttributeValue value) =>
        value.S is not null ? "S" + value.S
        : value.N is not null ? "N" + CanonicalNumber(value.N)
        : "B" + Convert.ToBase64String(value.B!.ToArray());

    /// <summary>Sign, significant digits and exponent with no leading or trailing zeros.</summary>
    /// <remarks>Hand-written: decimal holds 28 digits and DynamoDB numbers have 38.</remarks>
    internal static string CanonicalNumber(string number)
    {
        var negative = number.StartsWith('-');
        var text = number.TrimStart('-', '+');
        var e = text.IndexOfAny(['e', 'E']);
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var point = mantissa.IndexOf('.');
        var digits = point < 0 ? mantissa : mantissa.Remove(point, 1);
        var integerDigits = point < 0 ? mantissa.Length : point;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        if (digits.Length == 0) return "0";
        var magnitude = integerDigits - leading + exponent;
        return (negative ? "-" : "") + digits + "E" + magnitude.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
