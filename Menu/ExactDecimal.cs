using System.Globalization;

namespace CafeMenu.Menu;

/// <summary>
/// Number text to <see cref="decimal"/> only when decimal holds it exactly. decimal.Parse alone rounds past 28 digits
/// without a word (2.000000000000000000000000000001 becomes 2), which is how a price used to change on its way in.
/// </summary>
public static class ExactDecimal
{
    /// <summary>decimal carries 28 significant digits for every value (29 for some), and a scale of at most 28.</summary>
    public const int MaxDigits = 28;

    public static bool Fits(NumberText number) =>
        number.IsZero || (number.Digits.Length <= MaxDigits && number.Exponent >= -MaxDigits && number.Digits.Length + number.Exponent <= MaxDigits);

    public static bool TryParse(string text, out decimal value)
    {
        value = 0m;
        if (!NumberText.TryParse(text, out var number) || !Fits(number)) return false;
        // Exact now (at most 28 significant digits, scale at most 28, below 10^28); parsing the text as written keeps its
        // scale, so 0.10 stays 0.10; only zeros past decimal's 28 digits can be dropped, which never changes the value.
        value = decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return true;
    }
}
