using System.Diagnostics;
using System.Net;
using CafeMenu.Menu;
using CafeMenu.Web.Components.Pages;
using CafeMenu.Web.Components.Pages.Orders;
using CafeMenu.Web.Models;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace CafeMenu.Web.Tests;

public class OrderPagesTests : BunitContext
{
    private static readonly Guest Guest = new(FakeOrders.GuestId);

    [Fact]
    public void A_refused_line_offers_the_new_price_and_accepting_it_clears_the_message()
    {
        var api = new FakeApi((request, _) => request.Method == HttpMethod.Post
            ? FakeOrders.Refused(FakeOrders.PriceChanged(0, "Scone", 2.70m))
            : FakeApi.Page([FakeApi.Item("Scone", 2.50m, "Bakery")]));
        this.AddWeb(api);
        var page = Render<PlaceOrder>(p => p.AddCascadingValue(Guest));

        page.WaitForElement(".add-to-basket").Click();
        page.Find("#pickup-name").Input("Ada");
        page.Find("form").Submit();

        var refusal = page.WaitForElement(".basket-line .refusal");
        Assert.Equal("The price changed from €2.50 to €2.70.", refusal.QuerySelector("p")!.TextContent);
        Assert.Contains("Nothing was ordered", page.Find(".basket .alert-danger").TextContent);
        page.FindAll(".refusal button").First(b => b.TextContent.Trim().StartsWith("Accept €2.70")).Click();

        Assert.Empty(page.FindAll(".refusal"));
        Assert.Equal("€2.70", page.Find(".basket-total .price").TextContent);
    }

    [Fact]
    public void Placing_goes_to_the_order_page()
    {
        var api = new FakeApi((request, _) => request.Method == HttpMethod.Post
            ? FakeOrders.Answer(FakeOrders.Order(), HttpStatusCode.Created)
            : FakeApi.Page([FakeApi.Item("Latte", 3.50m)]));
        this.AddWeb(api);
        var page = Render<PlaceOrder>(p => p.AddCascadingValue(Guest));

        page.WaitForElement(".add-to-basket").Click();
        page.Find("#pickup-name").Input("Ada");
        page.Find("form").Submit();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith("my-orders/order?id=2026-11-23T15%3A37%3A55.294Z%230f3a9c21b4d7&placed=true", navigation.Uri));
    }

    [Fact]
    public void The_board_shows_one_button_per_allowed_step_and_the_Apis_refusal_in_words()
    {
        var placed = FakeOrders.Order();
        var api = new FakeApi((request, _) => request.Method == HttpMethod.Patch
            ? FakeOrders.Stale(placed with { Status = OrderStatus.Cancelled, Version = 2 })
            : FakeOrders.Page([placed]));
        this.AddWeb(api);
        var page = Render<Kitchen>();

        var card = page.WaitForElement(".kitchen-order");
        Assert.Equal(["Start preparing for Ada", "Cancel order for Ada"], card.QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
        card.QuerySelectorAll("button")[0].Click();

        page.WaitForAssertion(() => Assert.Contains("was moved by someone else first: it is now cancelled", page.Find(".board-message").TextContent));
        Assert.Contains("it has left the queue", page.Find(".board-message").TextContent);
        Assert.Empty(page.FindAll(".kitchen-order"));
    }

    [Fact]
    public void The_order_page_shows_the_status_in_words_and_a_missing_order_says_so()
    {
        var api = new FakeApi((_, _) => FakeOrders.Answer(FakeOrders.Order(OrderStatus.Ready)));
        this.AddWeb(api);
        this.NavigateTo("/my-orders/order?id=" + Uri.EscapeDataString(FakeOrders.Order().OrderId));
        var page = Render<TrackOrder>(p => p.AddCascadingValue(Guest));

        page.WaitForAssertion(() => Assert.Equal("Ready to collect", page.Find(".order-status").TextContent));
        Assert.Equal("Your order is ready: collect it at the counter.", page.Find(".status-text").TextContent);
        Assert.Equal("€7.00", page.Find(".order-total .price").TextContent);
    }

    [Fact]
    public void Placing_an_order_is_the_root_span_of_its_own_trace_and_the_Api_call_runs_inside_it()
    {
        using var spans = new WebSpans();
        ActivityTraceId? placedIn = null;
        var api = new FakeApi((request, _) =>
        {
            if (request.Method != HttpMethod.Post) return FakeApi.Page([FakeApi.Item("Latte", 3.50m)]);
            placedIn = Activity.Current?.TraceId; // the real HttpClient sends this trace on as traceparent
            return FakeOrders.Answer(FakeOrders.Order(), HttpStatusCode.Created);
        });
        this.AddWeb(api);
        var page = Render<PlaceOrder>(p => p.AddCascadingValue(Guest));
        page.WaitForElement(".add-to-basket").Click();
        page.Find("#pickup-name").Input("Ada");

        using (new Activity("ambient circuit activity").Start())
        {
            page.Find("form").Submit();
        }

        page.WaitForAssertion(() => Assert.NotNull(placedIn));
        var span = Assert.Single(spans.Started, a => a.DisplayName == "Place order");
        Assert.Null(span.ParentId);
        Assert.Equal(span.TraceId, placedIn);
        page.WaitForAssertion(() => Assert.Equal("Placed", span.GetTagItem("cafemenu.outcome")));
        Assert.Equal(FakeOrders.Order().OrderId, span.GetTagItem("cafemenu.order_id"));
    }
}
