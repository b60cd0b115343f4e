using System.Net;
using CafeMenu.Web.Models;

namespace CafeMenu.Web.Tests;

public class GuestOrderHistoryTests
{
    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_explained_without_asking_the_Api()
    {
        var api = new FakeApi((_, _) => throw new InvalidOperationException("not called"));
        var history = new GuestOrderHistory(api.Orders, FakeOrders.GuestId) { From = new DateOnly(2026, 11, 23), To = new DateOnly(2026, 11, 20) };

        await history.SearchAsync(CancellationToken.None);

        Assert.Empty(api.Requests);
        Assert.Equal("The last day comes before the first day: swap them or pick another range.", history.Problem);
    }

    [Fact]
    public async Task Pages_follow_the_cursor_and_a_new_search_starts_over()
    {
        var api = new FakeApi((request, _) => request.RequestUri!.Query.Contains("cursor=next")
            ? FakeOrders.Page([FakeOrders.Order(orderId: "2026-11-20T08:00:00.000Z#bbbbbbbbbbbb")])
            : FakeOrders.Page([FakeOrders.Order()], next: "next"));
        var history = GuestOrderHistory.LastWeek(api.Orders, FakeOrders.GuestId, new DateOnly(2026, 11, 23));

        await history.SearchAsync(CancellationToken.None);
        Assert.True(history.HasMore);
        await history.LoadMoreAsync(CancellationToken.None);

        Assert.Equal(2, history.Orders.Count);
        Assert.False(history.HasMore);
        Assert.Equal("/guests/guest-1/orders?limit=25&from=2026-11-17&to=2026-11-23", api.Requests[0].PathAndQuery);
        Assert.Equal("/guests/guest-1/orders?limit=25&cursor=next&from=2026-11-17&to=2026-11-23", api.Requests[1].PathAndQuery);

        await history.SearchAsync(CancellationToken.None);
        Assert.Single(history.Orders);
    }

    [Fact]
    public async Task The_Apis_refusal_of_a_range_or_cursor_is_shown_in_words()
    {
        var api = new FakeApi((_, _) => FakeApi.Problem(HttpStatusCode.BadRequest, "Invalid query", "Fix the query.",
            new() { ["cursor"] = ["cursor is not valid for this listing; start again without it."] }));
        var history = new GuestOrderHistory(api.Orders, FakeOrders.GuestId);

        await history.SearchAsync(CancellationToken.None);

        Assert.Equal("cursor is not valid for this listing; start again without it.", history.Problem);
        Assert.False(history.Searched);
    }
}
