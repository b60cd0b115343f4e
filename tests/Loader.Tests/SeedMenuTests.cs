using System.Text.Json;
using CafeMenu.Hosting.DynamoDBLocal;
using CafeMenu.Menu;

namespace CafeMenu.Loader.Tests;

public class SeedMenuTests
{
    private static readonly string MenuPath = Path.Combine(DynamoDBLocalInstallation.FindRepositoryRoot(), "data", "menu.json");

    [Fact]
    public void Every_item_of_the_seed_menu_deserializes_as_the_Api_reads_it_and_passes_validation()
    {
        var items = JsonSerializer.Deserialize<List<MenuItem>>(File.ReadAllText(MenuPath), MenuJson.Options)!;

        Assert.InRange(items.Count, 40, 80);
        foreach (var item in items)
        {
            Assert.Empty(MenuItemValidator.Validate(item));
            Assert.Equal(1, item.Version);
            Assert.NotNull(item.ProductId);
        }

        Assert.Equal(items.Count, items.Select(i => i.ProductName).Distinct().Count());
        Assert.True(items.Select(i => i.ProductGroup).Distinct().Count() >= 6);
        var specials = items.Where(i => i.IsSpecial).ToList();
        Assert.InRange(specials.Count, 3, 10);
        Assert.Single(specials, i => i.IsOutOfStock);
    }

    [Fact]
    public void Prices_in_the_seed_file_are_exact_decimals_with_two_places()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(MenuPath));
        foreach (var item in document.RootElement.EnumerateArray())
        {
            var raw = item.GetProperty("price").GetRawText();
            Assert.Matches(@"^\d+\.\d\d$", raw);
        }
    }
}
