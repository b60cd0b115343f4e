using System.Text;
using CafeMenu.Menu;

namespace CafeMenu.Api.Apis;

/// <summary>
/// The product name an item route addresses, bound once from its route value. <see cref="RawItemPath"/> keeps that value
/// as the client percent-encoded it; it is decoded here, exactly once and strictly, so <c>A%252FB</c> names "A%2FB" and
/// never "A/B". The name is then checked against <see cref="ProductName"/>'s rule; <see cref="ItemNameFilter"/> refuses
/// the request when it breaks it, before any handler or DynamoDB call.
/// </summary>
internal sealed record ItemName(string Value, IReadOnlyList<string> Problems)
{
    /// <summary>Minimal APIs bind route values through TryParse; it always succeeds so the filter can answer in the Api's words.</summary>
    public static bool TryParse(string? value, out ItemName result)
    {
        var raw = value ?? "";
        result = Decode(raw) is { } name
            ? new ItemName(name, [.. ProductName.Problems(name)])
            : new ItemName(raw, ["product_name in the path must be percent-encoded UTF-8 (each % followed by two hex digits)."]);
        return true;
    }

    public override string ToString() => Value;

    /// <summary>Percent-decoding that refuses what Uri.UnescapeDataString would leave as it is (a stray %, invalid UTF-8), as that would give one name two URLs.</summary>
    private static string? Decode(string segment)
    {
        if (!segment.Contains('%')) return segment;
        var bytes = new List<byte>(segment.Length);
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] != '%')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(segment[i].ToString()));
                continue;
            }

            if (i + 2 >= segment.Length || !char.IsAsciiHexDigit(segment[i + 1]) || !char.IsAsciiHexDigit(segment[i + 2])) return null;
            bytes.Add(Convert.ToByte(segment.Substring(i + 1, 2), 16));
            i += 2;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
