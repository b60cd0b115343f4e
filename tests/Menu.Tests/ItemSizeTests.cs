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
}
