using System.Net;
using CafeMenu.Menu;
using CafeMenu.Web.Client;

namespace CafeMenu.Web.Tests;

public class OrdersApiClientTests
{
    [Fact]
    public async Task Placing_sends_the_prices_seen_exactly_and_the_idempotency_key()
    {
        var api = new FakeApi((_, _) => FakeOrders.Answer(FakeOrders.Order(), HttpStatusCode.Created));
        var order = new PlaceOrderRequest
        {
            GuestId = "g1",
            PickupName = "Ada",
            Lines = [new OrderLine { ProductName = "Latte", Quantity = 2, UnitPrice = 3.50m }],
        };

        var result = await api.Orders.PlaceAsync(order, "key-1", CancellationToken.None);

        Assert.Equal(OrderOutcome.Success, result.Outcome);
        Assert.Equal("\"1\"", result.ETag);
        var request = api.Requests.Single();
        Assert.Equal((HttpMethod.Post, "/orders"), (request.Method, request.PathAndQuery));
        Assert.Equal("""{"guest_id":"g1","pickup_name":"Ada","lines":[{"product_name":"Latte","quantity":2,"unit_price":3.50}]}""", request.Body);
    }

    [Fact]
    public async Task The_idempotency_key_travels_as_a_header()
    {
        string? key = null;
        var api = new FakeApi((request, _) =>
        {
            key = request.Headers.GetValues(OrdersApiClient.IdempotencyKeyHeader).Single();
            return FakeOrders.Answer(FakeOrders.Order(), HttpStatusCode.Created);
        });

        await api.Orders.PlaceAsync(new PlaceOrderRequest { GuestId = "g1", PickupName = "Ada", Lines = [] }, "3f2c-key", CancellationToken.None);

        Assert.Equal("3f2c-key", key);
    }

    [Fact]
    public async Task A_409_with_lines_is_a_refusal_naming_each_line_its_reason_and_current_price()
    {
        var api = new FakeApi((_, _) => FakeOrders.Refused(FakeOrders.PriceChanged(1, "Scone", 2.80m)));

        var result = await api.Orders.PlaceAsync(new PlaceOrderRequest { GuestId = "g1", PickupName = "Ada", Lines = [] }, "k", CancellationToken.None);

        Assert.Equal(OrderOutcome.Refused, result.Outcome);
        var line = Assert.Single(result.RefusedLines!);
        Assert.Equal((1, "Scone", RefusalReasons.PriceChanged, 2.80m), (line.Line, line.ProductName, line.Reason, line.CurrentPrice));
        Assert.StartsWith("Nothing was ordered", result.Problem!.Message);
    }

    [Fact]
    public async Task A_step_sends_If_Match_and_the_order_id_as_one_segment_and_a_412_carries_the_current_order()
    {
        var current = FakeOrders.Order(OrderStatus.Preparing, version: 2);
        var api = new FakeApi((_, _) => FakeOrders.Stale(current));

        var result = await api.Orders.ChangeStatusAsync("g1", current.OrderId, OrderStatus.Preparing, "\"1\"", CancellationToken.None);

        Assert.Equal(OrderOutcome.Stale, result.Outcome);
        Assert.Equal((OrderStatus.Preparing, 2L), (result.Order!.Status, result.Order.Version));
        var request = api.Requests.Single();
        Assert.Equal("/guests/g1/orders/2026-11-23T15%3A37%3A55.294Z%230f3a9c21b4d7/status", request.PathAndQuery);
        Assert.Equal("\"1\"", request.IfMatch);
        Assert.Equal("""{"status":"preparing"}""", request.Body);
    }

    [Fact]
    public async Task A_409_without_lines_is_a_step_not_allowed_with_the_current_order()
    {
        var current = FakeOrders.Order(OrderStatus.Collected, version: 4);
        var api = new FakeApi((_, _) => FakeOrders.Problem(HttpStatusCode.Conflict, "Step not allowed", "It is closed.",
            new() { ["current"] = current, ["allowed"] = Array.Empty<string>() }));

        var result = await api.Orders.ChangeStatusAsync("g1", current.OrderId, OrderStatus.Cancelled, "\"4\"", CancellationToken.None);

        Assert.Equal(OrderOutcome.NotAllowed, result.Outcome);
        Assert.Equal(OrderStatus.Collected, result.Order!.Status);
    }

    [Fact]
    public async Task A_guest_range_sends_whole_days_and_a_400_comes_back_as_the_problem_in_words()
    {
        var api = new FakeApi((_, _) => FakeApi.Problem(HttpStatusCode.BadRequest, "Invalid range", "Fix the range.",
            new() { ["to"] = ["to must not come before from."] }));

        var result = await api.Orders.ListGuestOrdersAsync("g1", new DateOnly(2026, 11, 20), new DateOnly(2026, 11, 23), "c/1", 25, CancellationToken.None);

        Assert.Null(result.Page);
        Assert.Equal(["to must not come before from."], result.Problem!.Errors!["to"]);
        Assert.Equal("/guests/g1/orders?limit=25&cursor=c%2F1&from=2026-11-20&to=2026-11-23", api.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task A_failing_Api_is_unavailable_not_an_exception_of_its_own()
    {
        var api = new FakeApi((_, _) => FakeApi.Problem(HttpStatusCode.ServiceUnavailable, "Orders storage unavailable", "Retry after 2 seconds."));

        var ex = await Assert.ThrowsAsync<MenuApiUnavailableException>(() => api.Orders.GetKitchenQueueAsync(null, 50, CancellationToken.None));

        Assert.Equal("Retry after 2 seconds.", ex.Message);
    }
}
