using System.Net;
using CafeMenu.Menu;
using CafeMenu.Web.Models;

namespace CafeMenu.Web.Tests;

public class KitchenBoardTests
{
    [Fact]
    public async Task A_step_sends_the_version_shown_as_If_Match_and_shows_the_new_status()
    {
        var placed = FakeOrders.Order();
        var api = new FakeApi((request, _) => request.Method == HttpMethod.Patch
            ? FakeOrders.Answer(placed with { Status = OrderStatus.Preparing, Version = 2 })
            : FakeOrders.Page([placed]));
        var board = new KitchenBoard(api.Orders);
        await board.RefreshAsync(CancellationToken.None);

        await board.AdvanceAsync(board.Orders.Single(), OrderStatus.Preparing, CancellationToken.None);

        Assert.Equal("\"1\"", api.Requests.Single(r => r.Method == HttpMethod.Patch).IfMatch);
        Assert.Equal(OrderStatus.Preparing, board.Orders.Single().Status);
        Assert.Equal("The order for Ada (#0f3a9c) is now being prepared.", board.NoteFor(placed.OrderId)!.Text);
    }

    [Fact]
    public async Task When_someone_else_moved_the_order_first_the_board_says_so_and_shows_its_current_state()
    {
        var placed = FakeOrders.Order();
        var current = placed with { Status = OrderStatus.Preparing, Version = 2 };
        var api = new FakeApi((request, _) => request.Method == HttpMethod.Patch ? FakeOrders.Stale(current) : FakeOrders.Page([placed]));
        var board = new KitchenBoard(api.Orders);
        await board.RefreshAsync(CancellationToken.None);

        await board.AdvanceAsync(placed, OrderStatus.Preparing, CancellationToken.None);

        var message = Assert.Single(board.Messages);
        Assert.True(message.IsWarning);
        Assert.Equal("The order for Ada (#0f3a9c) was moved by someone else first: it is now being prepared. Nothing was changed; choose the next step again.", message.Text);
        Assert.Equal((OrderStatus.Preparing, 2L), (board.Orders.Single().Status, board.Orders.Single().Version));
        Assert.Equal([OrderStatus.Ready], board.Orders.Single().NextSteps);
    }

    [Fact]
    public async Task A_lagging_queue_never_shows_an_order_older_than_the_board_has_seen_and_closed_orders_leave()
    {
        var ready = FakeOrders.Order(OrderStatus.Ready, version: 3);
        var other = FakeOrders.Order(pickupName: "Grace", orderId: "2026-11-23T15:40:00.000Z#aaaaaaaaaaaa");
        // The queue index still lists the order as ready after it was collected, as a GSI may for a moment.
        var api = new FakeApi((request, _) => request.Method == HttpMethod.Patch
            ? FakeOrders.Answer(ready with { Status = OrderStatus.Collected, Version = 4 })
            : FakeOrders.Page([ready, other]));
        var board = new KitchenBoard(api.Orders);
        await board.RefreshAsync(CancellationToken.None);

        await board.AdvanceAsync(ready, OrderStatus.Collected, CancellationToken.None);
        await board.RefreshAsync(CancellationToken.None);

        Assert.Equal(["Grace"], board.Orders.Select(o => o.PickupName));
    }

    [Fact]
    public async Task A_refresh_reads_a_bounded_number_of_pages_oldest_first()
    {
        var page = 0;
        var api = new FakeApi((_, _) => FakeOrders.Page(
            [FakeOrders.Order(orderId: $"2026-11-23T15:40:0{page}.000Z#aaaaaaaaaaaa")], next: $"p{++page}"));
        var board = new KitchenBoard(api.Orders);

        await board.RefreshAsync(CancellationToken.None);

        Assert.Equal(KitchenBoard.MaxPages, api.Requests.Count);
        Assert.True(board.HasMore);
        Assert.Equal(board.Orders.Select(o => o.OrderId).Order(StringComparer.Ordinal), board.Orders.Select(o => o.OrderId));
        Assert.StartsWith("/kitchen/queue?limit=50", api.Requests[0].PathAndQuery);
    }

    [Fact]
    public async Task An_unreachable_Api_is_said_in_words_and_keeps_the_board()
    {
        var down = false;
        var api = new FakeApi((_, _) => down ? throw new HttpRequestException("refused") : FakeOrders.Page([FakeOrders.Order()]));
        var board = new KitchenBoard(api.Orders);
        await board.RefreshAsync(CancellationToken.None);

        down = true;
        await board.RefreshAsync(CancellationToken.None);
        await board.AdvanceAsync(board.Orders.Single(), OrderStatus.Preparing, CancellationToken.None);

        Assert.Equal("The café's service could not be reached.", board.Unavailable);
        Assert.Single(board.Orders);
        Assert.Contains("was not moved", board.Messages.Single().Text);
    }
}
