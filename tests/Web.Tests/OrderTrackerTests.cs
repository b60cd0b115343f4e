using System.Net;
using CafeMenu.Menu;
using CafeMenu.Web.Models;

namespace CafeMenu.Web.Tests;

public class OrderTrackerTests
{
    [Fact]
    public async Task Each_refresh_reads_the_order_again_and_notices_a_new_status()
    {
        var status = OrderStatus.Placed;
        var api = new FakeApi((_, _) => FakeOrders.Answer(FakeOrders.Order(status)));
        var tracker = new OrderTracker(api.Orders, FakeOrders.GuestId, FakeOrders.Order().OrderId);

        await tracker.RefreshAsync(CancellationToken.None);
        Assert.False(tracker.StatusJustChanged);
        status = OrderStatus.Ready;
        await tracker.RefreshAsync(CancellationToken.None);

        Assert.Equal(OrderStatus.Ready, tracker.Order!.Status);
        Assert.True(tracker.StatusJustChanged);
        Assert.False(tracker.IsSettled);
        Assert.Equal("/guests/guest-1/orders/2026-11-23T15%3A37%3A55.294Z%230f3a9c21b4d7", api.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task A_collected_or_missing_order_is_settled_so_the_page_stops_asking()
    {
        var collected = new FakeApi((_, _) => FakeOrders.Answer(FakeOrders.Order(OrderStatus.Collected)));
        var missing = new FakeApi((_, _) => FakeApi.Problem(HttpStatusCode.NotFound, "Order not found", "No such order."));
        var first = new OrderTracker(collected.Orders, FakeOrders.GuestId, FakeOrders.Order().OrderId);
        var second = new OrderTracker(missing.Orders, FakeOrders.GuestId, FakeOrders.Order().OrderId);

        await first.RefreshAsync(CancellationToken.None);
        await second.RefreshAsync(CancellationToken.None);

        Assert.True(first.IsSettled);
        Assert.True(second.IsSettled);
        Assert.True(second.NotFound);
    }

    [Fact]
    public async Task An_unreachable_Api_keeps_the_last_order_and_says_why()
    {
        var down = false;
        var api = new FakeApi((_, _) => down ? throw new HttpRequestException("refused") : FakeOrders.Answer(FakeOrders.Order()));
        var tracker = new OrderTracker(api.Orders, FakeOrders.GuestId, FakeOrders.Order().OrderId);
        await tracker.RefreshAsync(CancellationToken.None);

        down = true;
        await tracker.RefreshAsync(CancellationToken.None);

        Assert.Equal("The café's service could not be reached.", tracker.Unavailable);
        Assert.Equal(OrderStatus.Placed, tracker.Order!.Status);
        Assert.False(tracker.IsSettled);
    }
}
