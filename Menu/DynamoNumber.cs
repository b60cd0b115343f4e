using System.Globalization;

namespace CafeMenu.Menu;

/// <summary>DynamoDB's rules for numbers, checked on the number's own text so nothing is ever rounded.</summary>
/// <remarks>Hand-written: no served library checks DynamoDB's 38-digit and 1E-130..9.99..9E+125 limits on text.</remarks>
public static class DynamoNumber
{
    public const int MaxSignificantDigits = 38;
    private const int MinExponent = -130;
    private const int MaxExponent = 125;

    /// <summary>Checks a JSON-style number literal; on failure <paramref name="error"/> says why.</summary>
    public static bool IsValid(ReadOnlySpan<char> text, out string? error)
    {
        error = null;
        var i = 0;
        if (i < text.Length && (text[i] == '-' || text[i] == '+'))
        {
            i++;
        }

        var digits = new System.Text.StringBuilder();
        var pointPosition = -1;
        var sawDigit = false;
        for (; i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'); i++)
        {
            if (text[i] == '.')
            {
                if (pointPosition >= 0)
                {
                    error = "is not a number";
                    return false;
                }

                pointPosition = digits.Length;
                continue;
            }

            sawDigit = true;
            digits.Append(text[i]);
        }

        if (!sawDigit)
        {
            error = "is not a number";
            return false;
        }

        long exponent = 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            if (!long.TryParse(text[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent)
                || Math.Abs(exponent) > 100_000)
            {
                error = "is not a number";
                return false;
            }

            i = text.Length;
        }

        if (i != text.Length)
        {
            error = "is not a number";
            return false;
        }

        var all = digits.ToString();
        if (pointPosition < 0)
        {
            pointPosition = all.Length;
        }

        var firstNonZero = all.IndexOfAny("123456789".ToCharArray());
        if (firstNonZero < 0)
        {
            return true; // zero
        }

        var lastNonZero = all.LastIndexOfAny("123456789".ToCharArray());
        var significant = lastNonZero - firstNonZero + 1;
        if (significant > MaxSignificantDigits)
        {
            error = $"has {significant} significant digits; DynamoDB allows at most {MaxSignificantDigits}";
            return false;
        }

        // Decimal exponent of the leading significant digit: value = d.ddd x 10^magnitude.
        var magnitude = pointPosition - firstNonZero - 1 + exponent;
        if (magnitude > MaxExponent)
        {
            error = "is larger than DynamoDB's largest number (9.9999999999999999999999999999999999999E+125)";
            return false;
        }

        if (magnitude < MinExponent)
        {
            error = "is smaller in magnitude than DynamoDB's smallest number (1E-130)";
            return false;
        }

        return true;
    }
}
