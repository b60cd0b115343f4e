using System.Text.Json;
using CafeMenu.Menu;

namespace CafeMenu.Menu.Tests;

public class MenuItemMapperTests
{
    [Theory]
    [InlineData("12.34")]
    [InlineData("0.10")]
    [InlineData("99999999.99")]
    public void Prices_round_trip_exactly_through_json_and_attributes(string price)
    {
        var json = $$"""{"product_name":"Flat white","price":{{price}},"tags":["coffee"],"special":1,"version":3}""";
        var item = JsonSerializer.Deserialize<MenuItem>(json, MenuJson.Options)!;

        var attributes = MenuItemMapper.ToAttributes(item);
        var back = MenuItemMapper.FromAttributes(attributes);

        Assert.Equal(price, attributes["price"].N);
        Assert.Equal(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), back.Price);
        Assert.Equal(item with { Tags = back.Tags }, back);
        Assert.Equal(["coffee"], back.Tags);
    }

    [Fact]
    public void An_item_off_special_has_no_special_attribute_so_the_index_stays_sparse()
    {
        var item = new MenuItem { ProductName = "Tea", Price = 2.5m };

        var attributes = MenuItemMapper.ToAttributes(item);

        Assert.False(attributes.ContainsKey("special"));
        Assert.DoesNotContain("\"special\"", JsonSerializer.Serialize(item, MenuJson.Options));
    }

    [Fact]
    public void Unknown_fields_are_rejected()
    {
        var json = """{"product_name":"Tea","price":1,"colour":"green"}""";
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<MenuItem>(json, MenuJson.Options));
    }
}
