using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;

namespace CafeMenu.Menu.Tests;

public class ItemSizeTests
{
    [Fact]
    public void Strings_count_their_utf8_bytes_and_names()
    {
        var item = new Dictionary<string, AttributeValue> { ["ab"] = new() { S = "é" } };
        Assert.Equal(2 + 2, ItemSize.Of(item));
    }

    [Fact]
    public void A_description_of_400_KB_makes_an_item_too_large()
    {
        var item = new MenuItem { ProductName = "Big", Price = 1m, Description = new string('x', 400 * 1024) };
        var errors = MenuItemValidator.Validate(item with { Description = null });
        Assert.Empty(errors);
        Assert.True(ItemSize.Of(MenuItemMapper.ToAttributes(item)) > ItemSize.MaxBytes);
    }

    // Each size measured on DynamoDB Local 3.3.1: the largest string padding that still leaves the item at 409,600 bytes.
    [Theory]
    [InlineData("0", 1)]
    [InlineData("-0", 1)]
    [InlineData("1", 2)]
    [InlineData("100", 2)]
    [InlineData("1000", 2)]
    [InlineData("1e11", 2)]
    [InlineData("123", 3)]
    [InlineData("1.5", 3)]
    [InlineData("10.5", 3)]
    [InlineData("100.5", 4)]
    [InlineData("0.1", 2)]
    [InlineData("0.01", 2)]
    [InlineData("0.123", 3)]
    [InlineData("-1", 3)]
    [InlineData("-100", 3)]
    [InlineData("-1.5", 4)]
    [InlineData("-101", 4)]
    [InlineData("1E-130", 2)]
    [InlineData("-1E-130", 3)]
    [InlineData("12345678901234567890123456789012345678", 20)]
    [InlineData("12345678901234567890123456789012345678000", 21)]
    [InlineData("1.2345678901234567890123456789012345678", 21)]
    [InlineData("-12345678901234567890123456789012345678", 21)]
    [InlineData("-1.2345678901234567890123456789012345678", 21)]
    [InlineData("9.9999999999999999999999999999999999999E+125", 20)]
    [InlineData("-9.9999999999999999999999999999999999999E+125", 21)]
    public void Numbers_take_the_bytes_DynamoDB_counts(string number, int bytes)
    {
        Assert.Equal(bytes, ItemSize.NumberSize(number));
    }
}
