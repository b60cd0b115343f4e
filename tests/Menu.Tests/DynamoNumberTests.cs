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
