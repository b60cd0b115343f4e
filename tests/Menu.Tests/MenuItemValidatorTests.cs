using CafeMenu.Menu;

namespace CafeMenu.Menu.Tests;

public class MenuItemValidatorTests
{
    private static readonly MenuItem Valid = new() { ProductName = "Croissant", Price = 3.20m, Tags = ["pastry"] };

    [Fact]
    public void A_valid_item_has_no_errors() => Assert.Empty(MenuItemValidator.Validate(Valid));

    [Theory]
    [InlineData("   ", "product_name")]
    [InlineData("tab\tname", "product_name")]
    public void Bad_names_are_reported_on_product_name(string name, string field) =>
        Assert.Contains(field, MenuItemValidator.Validate(Valid with { ProductName = name }).Keys);

    [Fact]
    public void A_name_of_256_characters_is_too_long() =>
        Assert.Contains("product_name", MenuItemValidator.Validate(Valid with { ProductName = new string('a', 256) }).Keys);

    [Theory]
    [InlineData("-0.01")]
    [InlineData("1.001")]
    public void Negative_prices_and_fractions_of_a_cent_are_rejected(string price) =>
        Assert.Contains("price", MenuItemValidator.Validate(Valid with { Price = decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture) }).Keys);

    [Fact]
    public void A_price_written_with_trailing_zeros_is_accepted() =>
        Assert.Empty(MenuItemValidator.Validate(Valid with { Price = 1.500m }));

    [Fact]
    public void Too_many_or_too_long_tags_are_rejected()
    {
        Assert.Contains("tags", MenuItemValidator.Validate(Valid with { Tags = Enumerable.Range(0, 21).Select(i => $"t{i}").ToList() }).Keys);
        Assert.Contains("tags", MenuItemValidator.Validate(Valid with { Tags = [new string('x', 51)] }).Keys);
        Assert.Contains("tags", MenuItemValidator.Validate(Valid with { Tags = [""] }).Keys);
    }

    [Fact]
    public void Special_other_than_one_is_rejected() =>
        Assert.Contains("special", MenuItemValidator.Validate(Valid with { Special = 0 }).Keys);
}
