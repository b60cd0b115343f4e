using CafeMenu.Web.Models;

namespace CafeMenu.Web.Tests;

public class MenuBrowserTests
{
    [Fact]
    public async Task A_search_that_matches_nothing_reads_a_bounded_number_of_pages_per_step()
    {
        var page = 0;
        var api = new FakeApi((_, _) => FakeApi.Page([FakeApi.Item($"Coffee {page}", 2m)], next: $"p{++page}"));
        var browser = new MenuBrowser(api.Client, MenuFilter.From("tea", null, null));

        await browser.LoadMoreAsync(CancellationToken.None);

        Assert.Equal(MenuBrowser.MaxPagesPerLoad, api.Requests.Count);
        Assert.Empty(browser.Items);
        Assert.True(browser.HasMore);
    }

    [Fact]
    public async Task Groups_come_in_name_order_with_ungrouped_items_last()
    {
        var api = new FakeApi((_, _) => FakeApi.Page([
            FakeApi.Item("Tea", 2m, "Tea"),
            FakeApi.Item("Water", 1m, ""),
            FakeApi.Item("Scone", 2m, "Bakery"),
            FakeApi.Item("Bun", 2m, "Bakery"),
        ]));
        var browser = new MenuBrowser(api.Client, new MenuFilter());

        await browser.LoadMoreAsync(CancellationToken.None);

        Assert.Equal(["Bakery", "Tea", ""], browser.Groups.Select(g => g.Key));
        Assert.Equal(["Bun", "Scone"], browser.Groups.First().Select(i => i.ProductName));
        Assert.False(browser.HasMore);
    }

    [Fact]
    public async Task A_snapshot_restores_items_and_cursor_without_asking_the_Api()
    {
        var api = new FakeApi((request, _) => request.RequestUri!.Query.Contains("cursor=next")
            ? FakeApi.Page([FakeApi.Item("Tea", 2m)])
            : FakeApi.Page(Enumerable.Range(0, 25).Select(i => FakeApi.Item($"Blend {i}", 2m)), next: "next"));
        var first = new MenuBrowser(api.Client, new MenuFilter());
        await first.LoadMoreAsync(CancellationToken.None);

        var restored = MenuBrowser.Restore(api.Client, first.ToSnapshot());
        Assert.Single(api.Requests);
        Assert.Equal(25, restored.Items.Count);

        await restored.LoadMoreAsync(CancellationToken.None);
        Assert.Equal("/menu?limit=25&cursor=next", api.Requests[^1].PathAndQuery);
        Assert.Equal(26, restored.Items.Count);
    }
}
