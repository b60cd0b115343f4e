using System.Net;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using Microsoft.Extensions.DependencyInjection;
using static CafeMenu.Api.Tests.Orders;

namespace CafeMenu.Api.Tests;

/// <summary>
/// The café counts portions of some products (the optional <c>stock</c> attribute): an order takes its portions in the
/// same transaction, under the condition stock &gt;= quantity, so concurrent orders can never take more than there is.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class OrderStockTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private async Task<HttpStatusCode[]> OrderConcurrentlyAsync(string product, int orders, string guest)
    {
        using var start = new SemaphoreSlim(0);
        var posts = Enumerable.Range(0, orders).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await _client.PlaceAsync(Body(guest, $"Guest {i}", Line(product, "1", "2.00")));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{(int)response.StatusCode}: {text}");
            if (response.StatusCode == HttpStatusCode.Conflict) Assert.Contains("not_enough_stock", text);
            return response.StatusCode;
        }).ToList();
        start.Release(orders);
        return await Task.WhenAll(posts);
    }

    [Fact]
    public async Task Fifty_concurrent_orders_for_the_last_portion_accept_exactly_one_and_leave_the_stock_at_zero()
    {
        await _client.AddMenuItemAsync("Last brownie", "2.00");
        await SetStockAsync(api, "Last brownie", 1);
        var guest = NewGuest();

        var statuses = await OrderConcurrentlyAsync("Last brownie", 50, guest);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(49, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Single(await RawOrdersAsync(api, guest));
        Assert.Equal("0", (await RawTable.GetAsync(api, "Last brownie"))!["stock"].N);
    }

    [Fact]
    public async Task Fifty_concurrent_orders_for_ten_portions_accept_exactly_ten()
    {
        await _client.AddMenuItemAsync("Ten tarts", "2.00");
        await SetStockAsync(api, "Ten tarts", 10);
        var guest = NewGuest();

        var statuses = await OrderConcurrentlyAsync("Ten tarts", 50, guest);

        Assert.Equal(10, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(10, (await RawOrdersAsync(api, guest)).Count);
        Assert.Equal("0", (await RawTable.GetAsync(api, "Ten tarts"))!["stock"].N);
    }

    [Fact]
    public async Task An_order_for_more_portions_than_are_left_is_a_409_with_the_portions_left_and_takes_none()
    {
        await _client.AddMenuItemAsync("Few eclairs", "2.00");
        await SetStockAsync(api, "Few eclairs", 3);
        var guest = NewGuest();

        var problem = await (await _client.PlaceAsync(Body(guest, "Oz", Line("Few eclairs", "4", "2.00")))).AssertProblemAsync(HttpStatusCode.Conflict);

        var line = Assert.Single(problem.GetProperty("lines").EnumerateArray());
        Assert.Equal("not_enough_stock", line.GetProperty("reason").GetString());
        Assert.Equal(3, line.GetProperty("stock_left").GetInt64());
        Assert.Equal("3", (await RawTable.GetAsync(api, "Few eclairs"))!["stock"].N);
        Assert.Empty(await RawOrdersAsync(api, guest));
    }

    [Fact]
    public async Task Once_a_product_is_tagged_out_of_stock_no_order_for_it_is_accepted_even_with_portions_counted()
    {
        await _client.AddMenuItemAsync("Tagged pie", "2.00");
        await SetStockAsync(api, "Tagged pie", 5);
        var etag = (await _client.GetAsync("/menu/Tagged%20pie")).ETag();
        Assert.Equal(HttpStatusCode.OK, (await _client.PatchAsync("/menu/Tagged%20pie", """{"tags":["out of stock"]}""", etag)).StatusCode);
        var guest = NewGuest();

        var problem = await (await _client.PlaceAsync(Body(guest, "Pi", Line("Tagged pie", "1", "2.00")))).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("out_of_stock", problem.GetProperty("lines")[0].GetProperty("reason").GetString());
        Assert.Equal("5", (await RawTable.GetAsync(api, "Tagged pie"))!["stock"].N);
        Assert.Empty(await RawOrdersAsync(api, guest));
    }

    [Fact]
    public async Task Cancelling_an_order_gives_its_portions_back_in_the_same_transaction_and_only_once()
    {
        await _client.AddMenuItemAsync("Returned cookie", "2.00");
        await _client.AddMenuItemAsync("Uncounted tea", "2.00");
        await SetStockAsync(api, "Returned cookie", 5);
        var guest = NewGuest();
        var (id, etag) = await _client.PlacedAsync(Body(guest, "Ro", Line("Returned cookie", "2", "2.00"), Line("Uncounted tea", "1", "2.00")));
        Assert.Equal("3", (await RawTable.GetAsync(api, "Returned cookie"))!["stock"].N);
        Assert.Equal(["Returned cookie"], (await RawOrderAsync(api, guest, id))!["stock_taken"].SS);

        using var cancelled = await _client.ChangeStatusAsync(guest, id, "cancelled", etag);
        using var again = await _client.ChangeStatusAsync(guest, id, "cancelled", cancelled.ETag());

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.ReadJsonAsync()).GetProperty("status").GetString());
        await again.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("5", (await RawTable.GetAsync(api, "Returned cookie"))!["stock"].N);
        Assert.False((await RawTable.GetAsync(api, "Uncounted tea"))!.ContainsKey("stock"));
        var stored = (await RawOrderAsync(api, guest, id))!;
        Assert.Equal("cancelled", stored["status"].S);
        Assert.False(stored.ContainsKey("queue"));
    }

    [Fact]
    public async Task A_refused_cancellation_gives_no_portions_back()
    {
        await _client.AddMenuItemAsync("Kept cookie", "2.00");
        await SetStockAsync(api, "Kept cookie", 5);
        var guest = NewGuest();
        var (id, etag) = await _client.PlacedAsync(Body(guest, "Sa", Line("Kept cookie", "2", "2.00")));
        Assert.Equal(HttpStatusCode.OK, (await _client.ChangeStatusAsync(guest, id, "preparing", etag)).StatusCode);

        await (await _client.ChangeStatusAsync(guest, id, "cancelled", etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        await (await _client.ChangeStatusAsync(guest, id, "cancelled", "\"2\"")).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("3", (await RawTable.GetAsync(api, "Kept cookie"))!["stock"].N);
        Assert.Equal("preparing", (await RawOrderAsync(api, guest, id))!["status"].S);
    }

    [Fact]
    public async Task Cancelling_an_order_whose_product_left_the_menu_cancels_it_without_recreating_the_product()
    {
        await _client.AddMenuItemAsync("Gone cookie", "2.00");
        await SetStockAsync(api, "Gone cookie", 5);
        var guest = NewGuest();
        var (id, etag) = await _client.PlacedAsync(Body(guest, "Te", Line("Gone cookie", "1", "2.00")));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync("/menu/Gone%20cookie")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await _client.ChangeStatusAsync(guest, id, "cancelled", etag)).StatusCode);

        Assert.Null(await RawTable.GetAsync(api, "Gone cookie"));
        Assert.Equal("cancelled", (await RawOrderAsync(api, guest, id))!["status"].S);
    }
    [Fact]
    public async Task Cancelling_while_two_of_its_products_leave_the_menu_one_after_the_other_cancels_it_and_gives_the_rest_back()
    {
        foreach (var product in new[] { "Race scone", "Race bun", "Race tart" })
        {
            await _client.AddMenuItemAsync(product, "2.00");
            await SetStockAsync(api, product, 5);
        }

        var guest = NewGuest();
        var (id, etag) = await _client.PlacedAsync(Body(guest, "Ra", Line("Race scone", "1", "2.00"), Line("Race bun", "1", "2.00"), Line("Race tart", "1", "2.00")));
        // Each of the cancellation's first two transactions finds one more of its products deleted just before it arrives.
        var gone = new Queue<string>(["Race scone", "Race bun"]);
        var intercepting = InterceptingDynamoDb.Wrap(api.Dynamo!.CreateClient(), async request =>
        {
            if (request is not TransactWriteItemsRequest || !gone.TryDequeue(out var product)) return;
            using var raw = api.Dynamo!.CreateClient();
            await raw.DeleteItemAsync(api.TableName, MenuItemMapper.Key(product));
        });
        await using var racing = new ApiFactory(api.Dynamo!) { TableName = api.TableName, OrdersTableName = api.OrdersTableName, TestServices = s => s.AddSingleton(intercepting) };
        await racing.InitializeAsync();
        using var http = racing.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await http.ChangeStatusAsync(guest, id, "cancelled", etag)).StatusCode);

        Assert.Equal("cancelled", (await RawOrderAsync(api, guest, id))!["status"].S);
        Assert.Null(await RawTable.GetAsync(api, "Race scone"));
        Assert.Null(await RawTable.GetAsync(api, "Race bun"));
        Assert.Equal("5", (await RawTable.GetAsync(api, "Race tart"))!["stock"].N);
    }
}
