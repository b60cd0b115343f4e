using CafeMenu.Web.Models;

namespace CafeMenu.Web.Tests;

public class MenuFilterTests
{
    private static readonly CafeMenu.Menu.MenuItem Latte = FakeApi.Item("Oat Latte", 3.90m, "Coffee", ["vegan", "hot"], description: "Espresso with steamed oat milk");

    [Theory]
    [InlineData("latte", null, null, true)]
    [InlineData("OAT MILK", null, null, true)]
    [InlineData("croissant", null, null, false)]
    [InlineData(null, "coffee", null, true)]
    [InlineData(null, "Pastries", null, false)]
    [InlineData(null, null, "Vegan", true)]
    [InlineData(null, null, "veg", false)]
    [InlineData("latte", "Coffee", "hot", true)]
    [InlineData("  ", " ", "", true)]
    public void Matches_text_in_name_or_description_and_exact_group_and_tag(string? text, string? group, string? tag, bool expected) =>
        Assert.Equal(expected, MenuFilter.From(text, group, tag).Matches(Latte));

    [Fact]
    public void Blank_parts_are_no_filter()
    {
        var filter = MenuFilter.From(" ", null, "");

        Assert.True(filter.IsEmpty);
        Assert.Equal(new MenuFilter(), filter);
    }
}
