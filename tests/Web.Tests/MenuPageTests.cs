using Microsoft.Extensions.DependencyInjection;
using System.Net;
using CafeMenu.Web.Components.Pages;

namespace CafeMenu.Web.Tests;

public class MenuPageTests : BunitContext
{
    [Fact]
    public void Lists_items_grouped_with_exact_prices_badges_and_marks()
    {
        var api = new FakeApi((request, _) => request.RequestUri!.AbsolutePath == "/menu/specials"
            ? FakeApi.Page([FakeApi.Item("Cinnamon Bun", 2.80m, "Pastries", special: true)])
            : FakeApi.Page([
                FakeApi.Item("Espresso", 2.1m, "Coffee", ["hot"]),
                FakeApi.Item("Cinnamon Bun", 2.80m, "Pastries", special: true),
                FakeApi.Item("Lemon Tart", 3.95m, "Pastries", ["out of stock", "baked"]),
            ]));
        this.AddWeb(api, "GBP");

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal(["Coffee", "Pastries"], page.FindAll(".menu-group h2").Select(h => h.TextContent)));
        var espresso = page.Find(".menu-group [data-product='Espresso']");
        Assert.Equal("£2.10", espresso.QuerySelector(".price")!.TextContent);
        Assert.Equal("hot", espresso.QuerySelector(".tag")!.TextContent);
        Assert.Contains("On special", page.Find(".menu-group [data-product='Cinnamon Bun']").TextContent);
        var tart = page.Find(".menu-group [data-product='Lemon Tart']");
        Assert.Contains("out-of-stock", tart.ClassName);
        Assert.Contains("Out of stock", tart.TextContent);
        Assert.Contains("Cinnamon Bun", page.Find(".specials-list").TextContent);
    }

    [Fact]
    public void User_text_is_rendered_as_text_never_as_markup()
    {
        var api = new FakeApi((_, _) => FakeApi.Page([FakeApi.Item("<script>alert(1)</script>", 1m, "<b>Group</b>", ["<img src=x>"], description: "<i>hi</i>")]));
        this.AddWeb(api);

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal("<script>alert(1)</script>", page.Find(".menu-group .product-name").TextContent));
        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("img"));
        Assert.Empty(page.FindAll("b, i"));
        Assert.Contains("&lt;script&gt;", page.Markup);
    }

    [Fact]
    public void Load_more_follows_the_cursor_and_stops_at_the_last_page()
    {
        var firstPage = Enumerable.Range(1, 25).Select(i => FakeApi.Item($"Blend {i:00}", 2m)).ToList();
        var api = new FakeApi((request, _) =>
            request.RequestUri!.AbsolutePath == "/menu/specials" ? FakeApi.Page([])
            : request.RequestUri.Query.Contains("cursor=p2") ? FakeApi.Page([FakeApi.Item("Tea", 2m)])
            : FakeApi.Page(firstPage, next: "p2"));
        this.AddWeb(api);
        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal(25, page.FindAll(".menu-group li").Count));
        Assert.DoesNotContain(api.Requests, r => r.PathAndQuery.Contains("cursor=p2"));

        page.FindAll("button").Single(b => b.TextContent.Contains("Load more")).Click();

        page.WaitForAssertion(() => Assert.Equal(26, page.FindAll(".menu-group li").Count));
        Assert.Contains(api.Requests, r => r.PathAndQuery == "/menu?limit=25&cursor=p2");
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("Load more"));
    }

    [Fact]
    public void A_filtered_load_reads_on_until_it_has_matches()
    {
        var api = new FakeApi((request, _) =>
            request.RequestUri!.AbsolutePath == "/menu/specials" ? FakeApi.Page([])
            : request.RequestUri.Query.Contains("cursor=p2") ? FakeApi.Page([FakeApi.Item("Green Tea", 2m)])
            : FakeApi.Page([FakeApi.Item("Coffee", 2m)], next: "p2"));
        this.AddWeb(api);

        this.NavigateTo("/?q=tea");
        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal(["Green Tea"], page.FindAll(".menu-group .product-name").Select(e => e.TextContent)));
    }

    [Fact]
    public void Search_filters_by_text_and_tag_from_the_url()
    {
        var api = new FakeApi((request, _) => request.RequestUri!.AbsolutePath == "/menu/specials" ? FakeApi.Page([]) : FakeApi.Page([
            FakeApi.Item("Oat Latte", 3.9m, tags: ["vegan"]),
            FakeApi.Item("Latte", 3.5m),
            FakeApi.Item("Vegan Brownie", 2.9m, "Cakes", ["vegan"]),
        ]));
        this.AddWeb(api);

        this.NavigateTo("/?q=latte&tag=vegan&group=Coffee");
        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal(["Oat Latte"], page.FindAll(".menu-group .product-name").Select(e => e.TextContent)));
        Assert.Contains(api.Requests, r => r.PathAndQuery == "/menu?limit=25&group=Coffee");
        Assert.Equal("latte", page.Find("#search-text").GetAttribute("value"));
    }

    [Fact]
    public void Submitting_the_search_puts_the_filter_in_the_url()
    {
        var api = new FakeApi((_, _) => FakeApi.Page([]));
        this.AddWeb(api);
        var navigation = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        var page = Render<Home>();

        page.Find("#search-text").Change("flat white");
        page.Find("#search-tag").Change("hot");
        page.Find("form.menu-search").Submit();

        Assert.Equal("http://localhost/?q=flat%20white&tag=hot", navigation.Uri);
    }

    [Fact]
    public void When_the_Api_is_down_a_friendly_message_offers_a_retry_that_recovers()
    {
        var down = true;
        var api = new FakeApi((_, _) => down ? throw new HttpRequestException("Connection refused") : FakeApi.Page([FakeApi.Item("Espresso", 2m)]));
        this.AddWeb(api);

        var page = Render<Home>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[role=alert]").Count(a => a.TextContent.Contains("The menu is not available right now."))));
        Assert.Empty(page.FindAll(".menu-group"));

        down = false;
        page.FindAll("button").Last(b => b.TextContent.Contains("Try again")).Click();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".menu-group li")));
        page.FindAll("button").Single(b => b.TextContent.Contains("Try again")).Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".specials-list li")));
        Assert.DoesNotContain(page.FindAll("[role=alert]"), a => a.TextContent.Contains("not available"));
    }
}
