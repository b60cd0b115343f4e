using CafeMenu.Menu;

namespace CafeMenu.Menu.Tests;

public class DynamoNumberTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0.0")]
    [InlineData("0.1")]
    [InlineData("12.34")]
    [InlineData("12345678901234567890123456789012345678")] // 38 significant digits
    [InlineData("1.2345678901234567890123456789012345678")]
    [InlineData("1000000000000000000000000000000000000000000")] // trailing zeros are not significant
    [InlineData("1E-130")]
    [InlineData("9.9999999999999999999999999999999999999E+125")]
    [InlineData("0.000001e3")]
    public void Accepts_numbers_within_DynamoDB_limits(string text) =>
        Assert.True(DynamoNumber.IsValid(text, out var error), error);

    [Theory]
    [InlineData("123456789012345678901234567890123456789", "39 significant digits")] // 39 digits
    [InlineData("1E+126", "larger")]
    [InlineData("1E-131", "smaller")]
    [InlineData("0.00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000001", "smaller")]
    [InlineData("abc", "not a number")]
    [InlineData("1.2.3", "not a number")]
    [InlineData("", "not a number")]
    [InlineData("1e", "not a number")]
    public void Rejects_numbers_outside_DynamoDB_limits(string text, string reason)
    {
        Assert.False(DynamoNumber.IsValid(text, out var error));
        Assert.Contains(reason, error);
    }
}

/// <summary>The price rule on the number's own text: refused, never rounded.</summary>
public class PriceRuleTests
{
    [Theory]
    [InlineData("0.0000000000000000000000000000001")]
    [InlineData("2.000000000000000000000000000001")]
    [InlineData("1E-130")]
    [InlineData("1.005")]
    [InlineData("-0.01")]
    [InlineData("1E+26")]
    [InlineData("1E+126")]
    [InlineData("abc")]
    public void A_price_that_cannot_be_stored_exactly_to_two_decimals_is_refused(string text) =>
        Assert.NotNull(PriceRule.Check(text, out _));

    [Theory]
    [InlineData("0.10", "0.10")]
    [InlineData("1E+2", "100")]
    [InlineData("1.500", "1.500")]
    [InlineData("99999999999999999999999999.99", "99999999999999999999999999.99")]
    public void A_valid_price_keeps_its_value_exactly(string text, string expected)
    {
        Assert.Null(PriceRule.Check(text, out var price));
        Assert.Equal(expected, price.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
