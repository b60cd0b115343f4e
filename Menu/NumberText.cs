using System.Globalization;

namespace CafeMenu.Menu;

/// <summary>
/// A decimal number literal (JSON's grammar, plus a leading '+' and a bare '.5' or '5.' as DynamoDB takes them) read as
/// its own digits: value = (-1 if <see cref="Negative"/>) × <see cref="Digits"/> × 10^<see cref="Exponent"/>. Nothing is
/// converted, so every rule about a number (DynamoDB's, the price's, decimal's) can be checked before any rounding.
/// </summary>
/// <param name="Digits">The significant digits, without leading or trailing zeros; empty for zero.</param>
public readonly record struct NumberText(bool Negative, string Digits, long Exponent)
{
    /// <summary>Exponents beyond this are refused before any arithmetic: no rule here allows anything near them.</summary>
    private const long MaxWrittenExponent = 100_000;

    public bool IsZero => Digits.Length == 0;

    /// <summary>Decimal exponent of the leading significant digit (value = d.ddd × 10^Magnitude); 0 for zero.</summary>
    public long Magnitude => IsZero ? 0 : Exponent + Digits.Length - 1;

    /// <summary>Digits after the decimal point that are not zero-padding: 1.50 has 1, 1E-3 has 3, 100 has 0.</summary>
    public long DecimalPlaces => Math.Max(0, -Exponent);

    public static bool TryParse(ReadOnlySpan<char> text, out NumberText number)
    {
        number = default;
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] is '-' or '+') negative = text[i++] == '-';

        var digits = new System.Text.StringBuilder();
        var digitsAfterPoint = -1;
        for (; i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'); i++)
        {
            if (text[i] == '.')
            {
                if (digitsAfterPoint >= 0) return false;
                digitsAfterPoint = 0;
                continue;
            }

            digits.Append(text[i]);
            if (digitsAfterPoint >= 0) digitsAfterPoint++;
        }

        if (digits.Length == 0) return false;

        long exponent = 0;
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var written = text[(i + 1)..];
            // NumberStyles.AllowLeadingSign alone: no whitespace, no thousands separators.
            if (written.Length == 0 || !char.IsAsciiDigit(written[^1])
                || !long.TryParse(written, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                || Math.Abs(exponent) > MaxWrittenExponent)
            {
                return false;
            }

            i = text.Length;
        }

        if (i != text.Length) return false;

        var all = digits.ToString();
        var significant = all.TrimStart('0');
        var trimmed = significant.TrimEnd('0');
        var trailingZeros = significant.Length - trimmed.Length;
        number = new NumberText(negative && trimmed.Length > 0, trimmed, exponent - Math.Max(0, digitsAfterPoint) + trailingZeros);
        return true;
    }
}
