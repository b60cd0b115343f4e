using System.Globalization;
using System.Net;
using CafeMenu.Menu;
using Microsoft.Playwright;

namespace CafeMenu.EndToEnd;

/// <summary>The Web's home page as the server prerenders it: the seeded menu with prices, and the specials without the out-of-stock one.</summary>
internal static class MenuPageChecks
{
    public static async Task AssertPrerenderedMenuAsync(IBrowser browser, string webUrl)
    {
        // The HTML exactly as served, parsed by the browser off-site (about:blank), so Blazor's script never loads and nothing changes it.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await http.GetAsync(webUrl + "/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.SetContentAsync(html);

        var seeded = SeedMenuFile.Items.ToDictionary(i => i.ProductName);
        var specials = await ItemsAsync(page.Locator("section[aria-labelledby='specials-heading'] li.menu-item"));
        var menu = await ItemsAsync(page.Locator("section[aria-label='The whole menu'] li.menu-item"));

        // The whole menu: the first page of the seeded items (in the table's order), each with the file's price.
        Assert.InRange(menu.Count, Math.Min(seeded.Count, 20), seeded.Count);
        Assert.Equal(menu.Count, menu.Select(m => m.Name).Distinct().Count());
        foreach (var shown in menu) AssertSeededPrice(seeded, shown, "menu");

        // The specials: every seeded special in stock (the file has fewer than the six the home page shows), none out of stock.
        var inStock = SeedMenuFile.Items.Where(i => i.IsSpecial && !i.IsOutOfStock).Select(i => i.ProductName).Order().ToList();
        var outOfStock = SeedMenuFile.Items.Where(i => i.IsSpecial && i.IsOutOfStock).Select(i => i.ProductName).ToList();
        Assert.NotEmpty(inStock);
        Assert.NotEmpty(outOfStock);
        Assert.Equal(inStock, specials.Select(s => s.Name).Order().ToList());
        foreach (var shown in specials) AssertSeededPrice(seeded, shown, "specials");
        Assert.All(outOfStock, name => Assert.DoesNotContain(name, specials.Select(s => s.Name)));
    }

    private static void AssertSeededPrice(Dictionary<string, MenuItem> seeded, (string Name, string DataPrice, string PriceText) shown, string where)
    {
        Assert.True(seeded.TryGetValue(shown.Name, out var item), $"{where}: {shown.Name} is not in data/menu.json");
        Assert.Equal(item.Price, decimal.Parse(shown.DataPrice, CultureInfo.InvariantCulture));
        Assert.EndsWith(item.Price.ToString("#,##0.00", CultureInfo.InvariantCulture), shown.PriceText.Trim());
    }

    private static async Task<List<(string Name, string DataPrice, string PriceText)>> ItemsAsync(ILocator items)
    {
        var found = new List<(string, string, string)>();
        foreach (var item in await items.AllAsync())
        {
            var price = item.Locator(".price");
            found.Add((
                await item.GetAttributeAsync("data-product") ?? "",
                await price.GetAttributeAsync("data-price") ?? "",
                await price.TextContentAsync() ?? ""));
        }

        return found;
    }
}
