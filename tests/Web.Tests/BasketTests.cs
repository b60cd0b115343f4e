using System.Net;
using System.Text.Json;
using CafeMenu.Menu;
using CafeMenu.Web.Client;
using CafeMenu.Web.Models;

namespace CafeMenu.Web.Tests;

public class BasketTests
{
    private static readonly MenuItem Latte = FakeApi.Item("Latte", 3.50m);
    private static readonly MenuItem Scone = FakeApi.Item("Scone", 2.50m, "Bakery");

    [Fact]
    public void The_same_item_twice_is_one_line_of_two_and_the_total_is_exact()
    {
        var basket = new Basket(new FakeApi((_, _) => throw new InvalidOperationException("not called")).Orders);

        basket.Add(FakeApi.Item("Shot", 0.10m));
        basket.Add(FakeApi.Item("Shot", 0.10m));
        basket.Add(FakeApi.Item("Syrup", 0.20m));

        Assert.Equal([("Shot", 2), ("Syrup", 1)], basket.Lines.Select(l => (l.ProductName, l.Quantity)));
        Assert.Equal(0.40m, basket.Total);
    }

    [Fact]
    public void Out_of_stock_items_cannot_be_added()
    {
        var basket = new Basket(new FakeApi((_, _) => throw new InvalidOperationException("not called")).Orders);
        var tart = FakeApi.Item("Tart", 3.95m, tags: [MenuTable.OutOfStockTag]);

        basket.Add(tart);

        Assert.False(basket.CanAdd(tart));
        Assert.True(basket.IsEmpty);
    }

    [Fact]
    public async Task The_pickup_name_is_checked_before_anything_is_sent()
    {
        var api = new FakeApi((_, _) => throw new InvalidOperationException("not called"));
        var basket = new Basket(api.Orders);
        basket.Add(Latte);
        basket.PickupName = "  ";

        Assert.Null(await basket.PlaceAsync(FakeOrders.GuestId, CancellationToken.None));

        Assert.Empty(api.Requests);
        Assert.Contains("pickup_name is required", Assert.Single(basket.PickupNameErrors));
    }

    [Fact]
    public async Task Placing_sends_the_prices_seen_and_empties_the_basket()
    {
        var api = new FakeApi((_, _) => FakeOrders.Answer(FakeOrders.Order(), HttpStatusCode.Created));
        var basket = Filled(api);

        var order = await basket.PlaceAsync(FakeOrders.GuestId, CancellationToken.None);

        Assert.NotNull(order);
        Assert.True(basket.IsEmpty);
        var sent = JsonSerializer.Deserialize<PlaceOrderRequest>(api.Requests.Single().Body!, MenuApiClient.Json)!;
        Assert.Equal(("guest-1", "Ada"), (sent.GuestId, sent.PickupName));
        Assert.Equal([("Latte", 2, 3.50m), ("Scone", 1, 2.50m)], sent.Lines.Select(l => (l.ProductName, l.Quantity, l.UnitPrice)));
    }

    [Fact]
    public async Task Trying_again_after_a_lost_answer_sends_the_same_key_and_a_changed_basket_a_new_one()
    {
        var keys = new List<string>();
        var api = new FakeApi((request, _) =>
        {
            keys.Add(request.Headers.GetValues(OrdersApiClient.IdempotencyKeyHeader).Single());
            throw new HttpRequestException("connection reset");
        });
        var basket = Filled(api);

        await basket.PlaceAsync(FakeOrders.GuestId, CancellationToken.None);
        Assert.NotNull(basket.Unavailable);
        await basket.PlaceAsync(FakeOrders.GuestId, CancellationToken.None);
        basket.Increase("Scone");
        await basket.PlaceAsync(FakeOrders.GuestId, CancellationToken.None);

        Assert.Equal(3, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[1], keys[2]);
        Assert.Equal(2, basket.Lines.Count); // nothing is lost while the Api is away
    }

    [Fact]
    public async Task A_second_click_while_the_first_is_on_its_way_sends_nothing()
    {
        using var answer = new SemaphoreSlim(0);
        var api = new FakeApi((_, _) =>
        {
            answer.Wait();
            return FakeOrders.Answer(FakeOrders.Order(), HttpStatusCode.Created);
        });
        var basket = Filled(api);

        var first = Task.Run(() => basket.PlaceAsync(FakeOrders.GuestId, CancellationToken.None));
        while (!basket.IsPlacing) await Task.Delay(5);
        var second = await basket.PlaceAsync(FakeOrders.GuestId, CancellationToken.None);
        answer.Release();

        Assert.Null(second);
        Assert.NotNull(await first);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task A_changed_price_marks_the_line_and_accepting_it_places_at_the_new_price_with_a_new_key()
    {
        var answers = new Queue<HttpResponseMessage>([
            FakeOrders.Refused(FakeOrders.PriceChanged(1, "Scone", 2.70m)),
            FakeOrders.Answer(FakeOrders.Order(), HttpStatusCode.Created),
        ]);
        var keys = new List<string>();
        var api = new FakeApi((request, _) =>
        {
            keys.Add(request.Headers.GetValues(OrdersApiClient.IdempotencyKeyHeader).Single());
            return answers.Dequeue();
        });
        var basket = Filled(api);

        Assert.Null(await basket.PlaceAsync(FakeOrders.GuestId, CancellationToken.None));
        var scone = basket.Lines.Single(l => l.ProductName == "Scone");
        Assert.Equal(2.70m, scone.NewPrice);
        Assert.Equal("The price changed from €2.50 to €2.70.", scone.Explain(p => $"€{p:0.00}"));
        Assert.False(basket.Lines.Single(l => l.ProductName == "Latte").IsRefused);
        Assert.Contains("Nothing was ordered", Assert.Single(basket.Errors));

        // Placing again without deciding is refused here, before the Api is asked.
        Assert.Null(await basket.PlaceAsync(FakeOrders.GuestId, CancellationToken.None));
        Assert.Single(api.Requests);

        basket.AcceptNewPrice("Scone");
        Assert.Empty(basket.Errors);
        Assert.NotNull(await basket.PlaceAsync(FakeOrders.GuestId, CancellationToken.None));

        var sent = JsonSerializer.Deserialize<PlaceOrderRequest>(api.Requests[1].Body!, MenuApiClient.Json)!;
        Assert.Equal(2.70m, sent.Lines.Single(l => l.ProductName == "Scone").UnitPrice);
        Assert.NotEqual(keys[0], keys[1]);
    }

    [Fact]
    public async Task Removing_a_refused_line_leaves_the_rest_ready_to_place()
    {
        var api = new FakeApi((_, _) => FakeOrders.Refused(
            new { line = 1, product_name = "Scone", reason = "out_of_stock", current_price = 2.50m, stock_left = (long?)null }));
        var basket = Filled(api);

        await basket.PlaceAsync(FakeOrders.GuestId, CancellationToken.None);
        var scone = basket.Lines.Single(l => l.ProductName == "Scone");
        Assert.Equal("It is out of stock now.", scone.Explain(p => p.ToString()));
        Assert.Null(scone.NewPrice);

        basket.Remove("Scone");

        Assert.Equal(["Latte"], basket.Lines.Select(l => l.ProductName));
        Assert.Empty(basket.Errors);
        Assert.Empty(basket.Validate());
    }

    [Fact]
    public async Task Fewer_portions_left_offers_to_take_them()
    {
        var api = new FakeApi((_, _) => FakeOrders.Refused(
            new { line = 0, product_name = "Latte", reason = "not_enough_stock", current_price = 3.50m, stock_left = 1L }));
        var basket = Filled(api);

        await basket.PlaceAsync(FakeOrders.GuestId, CancellationToken.None);
        var latte = basket.Lines.Single(l => l.ProductName == "Latte");
        Assert.Equal("Only 1 left, fewer than the 2 you asked for.", latte.Explain(p => p.ToString()));

        basket.TakePortionsLeft("Latte");

        Assert.Equal(1, latte.Quantity);
        Assert.False(latte.IsRefused);
    }

    [Fact]
    public async Task A_field_error_from_the_Api_is_shown_in_words_next_to_the_pickup_name()
    {
        var api = new FakeApi((_, _) => FakeApi.Problem(HttpStatusCode.BadRequest, "Invalid order", "Fix the fields.",
            new() { ["pickup_name"] = ["pickup_name must not contain control characters."], ["lines[0].quantity"] = ["lines[0].quantity must be 1 to 50."] }));
        var basket = Filled(api);

        await basket.PlaceAsync(FakeOrders.GuestId, CancellationToken.None);

        Assert.Equal(["pickup_name must not contain control characters."], basket.PickupNameErrors);
        Assert.Equal(["lines[0].quantity must be 1 to 50."], basket.Errors);
        Assert.Null(basket.IdempotencyKey);
    }

    private static Basket Filled(FakeApi api)
    {
        var basket = new Basket(api.Orders) { PickupName = "Ada" };
        basket.Add(Latte);
        basket.Add(Latte);
        basket.Add(Scone);
        return basket;
    }
}
