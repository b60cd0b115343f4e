namespace CafeMenu.Menu;

/// <summary>
/// The café's price rule, checked on the number's own text before it becomes a decimal: DynamoDB's number rules, zero
/// or more, at most two decimal places, and small enough for decimal to hold exactly. A price that breaks it is refused,
/// never rounded.
/// </summary>
public static class PriceRule
{
    public const int MaxDecimals = 2;

    /// <summary>26 integer digits plus 2 decimals stay within decimal's 28 exact digits.</summary>
    public const int MaxIntegerDigits = 26;

    /// <returns>null when the text is a valid price (then <paramref name="price"/> holds it exactly), otherwise why not.</returns>
    public static string? Check(string text, out decimal price)
    {
        price = 0m;
        if (!NumberText.TryParse(text, out var number)) return $"price must be a number such as 4.50 (got '{EchoedText.Shorten(text)}').";
        if (DynamoNumber.Check(number) is { } dynamo) return $"price {dynamo}.";
        return CheckCafeRules(number, text, out price);
    }

    /// <summary>The café's own part of the rule, for a number already parsed and within DynamoDB's rules.</summary>
    /// <returns>null when it is a valid price (then <paramref name="price"/> holds it exactly), otherwise why not.</returns>
    public static string? CheckCafeRules(NumberText number, string text, out decimal price)
    {
        price = 0m;
        if (number.Negative) return "price must be zero or positive.";
        if (number.DecimalPlaces > MaxDecimals)
        {
            return $"price must have at most {MaxDecimals} decimal places (got {number.DecimalPlaces}); prices are stored exactly, never rounded.";
        }

        if (!number.IsZero && number.Digits.Length + number.Exponent > MaxIntegerDigits)
        {
            return $"price must be less than 1E+{MaxIntegerDigits} (got {number.Digits.Length + number.Exponent} digits before the decimal point).";
        }

        return ExactDecimal.TryParse(text, out price) ? null : "price cannot be held exactly.";
    }
}
