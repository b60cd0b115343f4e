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
        if (!NumberText.TryParse(text, out var number))
        {
            error = "is not a number";
            return false;
        }

        error = Check(number);
        return error is null;
    }

    /// <summary>Why DynamoDB would refuse the number, or null when it takes it.</summary>
    public static string? Check(NumberText number)
    {
        if (number.IsZero) return null;
        if (number.Digits.Length > MaxSignificantDigits)
        {
            return $"has {number.Digits.Length} significant digits; DynamoDB allows at most {MaxSignificantDigits}";
        }

        if (number.Magnitude > MaxExponent) return "is larger than DynamoDB's largest number (9.9999999999999999999999999999999999999E+125)";
        if (number.Magnitude < MinExponent) return "is smaller in magnitude than DynamoDB's smallest number (1E-130)";
        return null;
    }
}
