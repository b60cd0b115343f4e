using CafeMenu.Menu;
using CafeMenu.Web.Models;

namespace CafeMenu.Web.Tests;

public class MenuItemFormTests
{
    [Fact]
    public void A_valid_form_has_no_errors_and_becomes_the_Api_body()
    {
        var form = new MenuItemForm { Name = "  Flat White ", Price = "3.40", Group = "Coffee", Tags = "hot, , milk ,hot", Description = "" };

        Assert.Empty(form.Validate());
        var item = form.ToNewItem();
        Assert.Equal("Flat White", item.ProductName);
        Assert.Equal(3.40m, item.Price);
        Assert.Equal("3.40", item.Price.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["hot", "milk"], item.Tags);
        Assert.Null(item.Description);
    }

    [Theory]
    [InlineData("", "product_name")]
    [InlineData("   ", "product_name")]
    [InlineData("bad\u0007name", "product_name")]
    public void Names_follow_the_Menu_rules(string name, string field) =>
        Assert.Contains(field, new MenuItemForm { Name = name, Price = "1" }.Validate().Keys);

    [Theory]
    [InlineData("", "price is required.")]
    [InlineData("abc", "price must be a number with at most two decimals, such as 4.50.")]
    [InlineData("1e3", "price must be a number with at most two decimals, such as 4.50.")]
    [InlineData("-1", "price must be zero or positive.")]
    [InlineData("1.234", "price must have at most 2 decimal places.")]
    public void Prices_follow_the_Menu_rules(string price, string message)
    {
        var errors = new MenuItemForm { Name = "Tea", Price = price }.Validate();

        Assert.Equal([message], errors[MenuTable.Attributes.Price]);
    }

    [Fact]
    public void Too_many_tags_and_too_long_text_are_reported_per_field()
    {
        var form = new MenuItemForm
        {
            Name = new string('n', MenuItemValidator.MaxNameLength + 1),
            Price = "1.00",
            Tags = string.Join(",", Enumerable.Range(0, MenuItemValidator.MaxTags + 1).Select(i => $"t{i}")),
            Description = new string('d', MenuItemValidator.MaxDescriptionLength + 1),
        };

        var errors = form.Validate();

        Assert.Equal(["description", "product_name", "tags"], errors.Keys.Order());
    }

    [Fact]
    public void A_patch_carries_only_what_changed()
    {
        var original = FakeApi.Item("Scone", 2.50m, "Pastries", ["baked"], description: "Plain");
        var form = MenuItemForm.From(original);
        Assert.True(form.ToPatch(original).IsEmpty);

        form.Price = "2.75";
        form.Tags = "baked, jam";
        var patch = form.ToPatch(original);

        Assert.Equal(2.75m, patch.Price);
        Assert.Equal(["baked", "jam"], patch.Tags);
        Assert.Null(patch.Description);
        Assert.Null(patch.ProductGroup);
    }

    [Theory]
    [InlineData("product_name", nameof(MenuItemForm.Name))]
    [InlineData("price", nameof(MenuItemForm.Price))]
    [InlineData("$.price", nameof(MenuItemForm.Price))]
    [InlineData("tags[3]", nameof(MenuItemForm.Tags))]
    [InlineData("product_group", nameof(MenuItemForm.Group))]
    [InlineData("Description", nameof(MenuItemForm.Description))]
    [InlineData("item", null)]
    [InlineData("", null)]
    public void Api_field_names_map_to_the_form_inputs(string field, string? property) =>
        Assert.Equal(property, MenuItemForm.PropertyFor(field));
}
