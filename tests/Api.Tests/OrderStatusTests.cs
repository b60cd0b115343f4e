using System.Net;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using Microsoft.Extensions.DependencyInjection;
using static CafeMenu.Api.Tests.Orders;

namespace CafeMenu.Api.Tests;

/// <summary>PATCH .../status: only the allowed steps, each a conditional UpdateItem on status and version.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class OrderStatusTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async Task InitializeAsync()
    {
        using var _ = await _client.PostAsync("/menu", Http.Json(Http.Item("Latte", "3.50")));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Guest, string OrderId, string ETag)> PlaceAsync()
    {
        var guest = NewGuest();
        var (id, etag) = await _client.PlacedAsync(Body(guest, "Ny", Line("Latte")));
        return (guest, id, etag);
    }

    [Fact]
    public async Task An_order_goes_placed_preparing_ready_collected_and_then_leaves_the_queue_and_loses_its_expiry()
    {
        var (guest, id, etag) = await PlaceAsync();

        foreach (var (status, version) in new[] { ("preparing", 2), ("ready", 3) })
        {
            using var step = await _client.ChangeStatusAsync(guest, id, status, etag);
            Assert.Equal(HttpStatusCode.OK, step.StatusCode);
            etag = step.ETag();
            Assert.Equal($"\"{version}\"", etag);
            var raw = (await RawOrderAsync(api, guest, id))!;
            Assert.Equal(status, raw["status"].S);
            Assert.Equal($"{status}#{id}", raw["status_order"].S);
            Assert.Equal("open", raw["queue"].S);
            Assert.True(raw.ContainsKey("expires_at"));
        }

        using var collected = await _client.ChangeStatusAsync(guest, id, "collected", etag);

        Assert.Equal(HttpStatusCode.OK, collected.StatusCode);
        var order = await collected.ReadJsonAsync();
        Assert.Equal("collected", order.GetProperty("status").GetString());
        Assert.Empty(order.GetProperty("next_steps").EnumerateArray());
        var stored = (await RawOrderAsync(api, guest, id))!;
        Assert.Equal("4", stored["version"].N);
        Assert.False(stored.ContainsKey("queue"));
        Assert.False(stored.ContainsKey("expires_at"));
        Assert.DoesNotContain(id, Ids(await (await _client.GetAsync("/kitchen/queue?limit=100")).ReadJsonAsync()));
    }

    [Fact]
    public async Task A_cancelled_order_leaves_the_queue_and_keeps_its_expiry()
    {
        var (guest, id, etag) = await PlaceAsync();

        Assert.Equal(HttpStatusCode.OK, (await _client.ChangeStatusAsync(guest, id, "cancelled", etag)).StatusCode);

        var stored = (await RawOrderAsync(api, guest, id))!;
        Assert.Equal("cancelled", stored["status"].S);
        Assert.False(stored.ContainsKey("queue"));
        Assert.True(stored.ContainsKey("expires_at"));
    }

    [Theory]
    [InlineData("collected")]
    [InlineData("ready")]
    public async Task A_step_that_is_not_allowed_is_a_409_with_the_current_order_and_nothing_is_written(string target)
    {
        var (guest, id, etag) = await PlaceAsync();
        var before = RawTable.Render((await RawOrderAsync(api, guest, id))!);

        var problem = await (await _client.ChangeStatusAsync(guest, id, target, etag)).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("placed", problem.GetProperty("current").GetProperty("status").GetString());
        Assert.Equal(["preparing", "cancelled"], problem.GetProperty("allowed").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(before, RawTable.Render((await RawOrderAsync(api, guest, id))!));
    }

    [Fact]
    public async Task A_closed_order_cannot_move_again()
    {
        var (guest, id, etag) = await PlaceAsync();
        using var cancelled = await _client.ChangeStatusAsync(guest, id, "cancelled", etag);

        await (await _client.ChangeStatusAsync(guest, id, "preparing", cancelled.ETag())).AssertProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("cancelled", (await RawOrderAsync(api, guest, id))!["status"].S);
    }

    [Theory]
    [InlineData("placed")]
    [InlineData("PREPARING")]
    [InlineData("eaten")]
    [InlineData("")]
    public async Task A_status_no_step_leads_to_is_a_400_and_nothing_is_written(string target)
    {
        var (guest, id, etag) = await PlaceAsync();

        var problem = await (await _client.ChangeStatusAsync(guest, id, target, etag)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal("1", (await RawOrderAsync(api, guest, id))!["version"].N);
    }

    [Fact]
    public async Task Without_if_match_a_step_is_a_428_and_with_a_stale_etag_a_412_with_the_current_order()
    {
        var (guest, id, etag) = await PlaceAsync();
        await (await _client.ChangeStatusAsync(guest, id, "preparing", ifMatch: null)).AssertProblemAsync((HttpStatusCode)428);
        Assert.Equal(HttpStatusCode.OK, (await _client.ChangeStatusAsync(guest, id, "preparing", etag)).StatusCode);

        var problem = await (await _client.ChangeStatusAsync(guest, id, "ready", etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal("preparing", problem.GetProperty("current").GetProperty("status").GetString());
        Assert.Equal(2, problem.GetProperty("current_version").GetInt64());
        Assert.Equal("preparing", (await RawOrderAsync(api, guest, id))!["status"].S);
    }

    [Theory]
    [InlineData("preparing")]
    [InlineData("cancelled")]
    public async Task A_step_on_a_stored_order_the_api_cannot_represent_is_a_422_and_writes_nothing(string target)
    {
        var product = "Counted scone " + Guid.NewGuid().ToString("N")[..6];
        await _client.AddMenuItemAsync(product, "2.00");
        await SetStockAsync(api, product, 5);
        var guest = NewGuest();
        var (id, etag) = await _client.PlacedAsync(Body(guest, "Odd", Line(product, "2", "2.00")));
        await BreakTotalAsync(guest, id); // a total no decimal holds, as a hand edit in dynamodb-admin could leave it
        var orderBefore = RawTable.Render((await RawOrderAsync(api, guest, id))!);
        var stockBefore = (await RawTable.GetAsync(api, product))!["stock"].N;

        var problem = await (await _client.ChangeStatusAsync(guest, id, target, etag)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains(id, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(orderBefore, RawTable.Render((await RawOrderAsync(api, guest, id))!));
        Assert.Equal("3", stockBefore);
        Assert.Equal(stockBefore, (await RawTable.GetAsync(api, product))!["stock"].N);
    }

    private async Task BreakTotalAsync(string guest, string orderId)
    {
        using var dynamo = api.Dynamo!.CreateClient();
        await dynamo.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = api.OrdersTableName,
            Key = OrderMapper.Key(guest, orderId),
            UpdateExpression = "SET #total = :total",
            ExpressionAttributeNames = new() { ["#total"] = OrdersTable.Attributes.Total },
            ExpressionAttributeValues = new() { [":total"] = new AttributeValue { N = "1E+100" } },
        });
    }

    [Fact]
    public async Task A_step_on_a_missing_order_is_a_404()
    {
        var id = CafeMenu.Menu.OrderId.New(DateTimeOffset.UtcNow);
        await (await _client.ChangeStatusAsync(NewGuest(), id, "preparing", "\"1\"")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Twenty_concurrent_steps_with_one_etag_give_exactly_one_200_and_nineteen_412()
    {
        var (guest, id, etag) = await PlaceAsync();
        using var start = new SemaphoreSlim(0);
        var steps = Enumerable.Range(0, 20).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await _client.ChangeStatusAsync(guest, id, "preparing", etag);
            return response.StatusCode;
        }).ToList();
        start.Release(20);

        var statuses = await Task.WhenAll(steps);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(19, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
        var stored = (await RawOrderAsync(api, guest, id))!;
        Assert.Equal("preparing", stored["status"].S);
        Assert.Equal("2", stored["version"].N);
    }

    [Fact]
    public async Task A_step_with_a_used_etag_is_412_even_when_the_clock_has_not_moved_since_the_step_it_lost_to()
    {
        await using var own = new ApiFactory(api.Dynamo!) { TestServices = s => s.AddSingleton<TimeProvider>(new FrozenTime(DateTimeOffset.UtcNow)) };
        await own.InitializeAsync();
        using var client = own.CreateClient();
        using (await client.PostAsync("/menu", Http.Json(Http.Item("Latte", "3.50")))) { }
        var guest = NewGuest();
        var (id, etag) = await client.PlacedAsync(Body(guest, "Tick", Line("Latte")));

        using var first = await client.ChangeStatusAsync(guest, id, "preparing", etag);
        using var second = await client.ChangeStatusAsync(guest, id, "preparing", etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await second.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
    }
}
