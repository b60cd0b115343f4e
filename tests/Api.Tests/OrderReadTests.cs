using System.Net;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using Microsoft.Extensions.DependencyInjection;
using static CafeMenu.Api.Tests.Orders;

namespace CafeMenu.Api.Tests;

/// <summary>The order reads: one order, a guest's orders by date and by status, the kitchen queue; each a GetItem or a Query.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class OrderReadTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private static readonly DateTimeOffset Day = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task One_order_is_read_by_its_full_key_with_its_version_as_etag()
    {
        var guest = NewGuest();
        var id = await PutRawOrderAsync(api, guest, Day.AddHours(9));

        using var response = await _client.GetAsync(OrderPath(guest, id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", response.ETag());
        var order = await response.ReadJsonAsync();
        Assert.Equal(id, order.GetProperty("order_id").GetString());
        Assert.Equal("3.50", order.GetProperty("total").GetRawText());
        await (await _client.GetAsync(OrderPath(NewGuest(), id))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("2026-11-23T09:00:00.000Z")]
    [InlineData("2026-13-45T09:00:00.000Z#0123456789ab")]
    public async Task A_malformed_order_id_is_a_400(string orderId)
    {
        var problem = await (await _client.GetAsync($"/guests/{NewGuest()}/orders/{Uri.EscapeDataString(orderId)}")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("order_id", out _));
    }

    [Fact]
    public async Task Two_orders_in_the_same_millisecond_get_two_ids_and_are_both_stored()
    {
        var guest = NewGuest();
        var at = Day.AddHours(10);
        var first = await PutRawOrderAsync(api, guest, at);
        var second = await PutRawOrderAsync(api, guest, at);

        Assert.NotEqual(first, second);
        Assert.Equal(2, (await RawOrdersAsync(api, guest)).Count);
    }

    [Fact]
    public async Task A_guests_orders_between_two_dates_come_newest_first_in_pages_that_follow_the_cursor()
    {
        var guest = NewGuest();
        var before = await PutRawOrderAsync(api, guest, Day.AddDays(-1).AddHours(23));
        var inside = new List<string>();
        for (var hour = 8; hour < 13; hour++) inside.Add(await PutRawOrderAsync(api, guest, Day.AddHours(hour)));
        var after = await PutRawOrderAsync(api, guest, Day.AddDays(1));
        await PutRawOrderAsync(api, NewGuest(), Day.AddHours(9));

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/guests/{guest}/orders?from=2026-11-23&to=2026-11-23&limit=2" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await (await _client.GetAsync(url)).ReadJsonAsync();
            seen.AddRange(Ids(page));
            cursor = page.GetProperty("next_cursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(Enumerable.Reverse(inside), seen);
        Assert.Equal(3, pages);
        Assert.DoesNotContain(before, seen);
        Assert.DoesNotContain(after, seen);
    }

    [Fact]
    public async Task Times_with_an_offset_bound_the_range_inclusively_at_the_millisecond()
    {
        var guest = NewGuest();
        var nine = await PutRawOrderAsync(api, guest, Day.AddHours(9));
        var ten = await PutRawOrderAsync(api, guest, Day.AddHours(10));
        await PutRawOrderAsync(api, guest, Day.AddHours(11));

        var page = await (await _client.GetAsync($"/guests/{guest}/orders?from=2026-11-23T10:00:00%2B01:00&to=2026-11-23T10:00:00Z")).ReadJsonAsync();

        Assert.Equal([ten, nine], Ids(page));
    }

    [Theory]
    [InlineData("from=2026-11-24&to=2026-11-23", "to")]
    [InlineData("from=23.11.2026", "from")]
    [InlineData("from=2026-11-23T10:00:00", "from")]
    [InlineData("to=yesterday", "to")]
    [InlineData("from=2026-02-30", "from")]
    [InlineData("from=0001-01-01T00:00:00%2B01:00", "from")]
    [InlineData("to=9999-12-31T23:59:59-01:00", "to")]
    [InlineData("from=2026-11-23T25:00:00Z", "from")]
    [InlineData("status=lost", "status")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("cursor=abc", "cursor")]
    public async Task Bad_query_parameters_are_a_400_naming_the_parameter(string query, string field)
    {
        var problem = await (await _client.GetAsync($"/guests/{NewGuest()}/orders?{query}")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("from=0001-01-01&to=0001-01-01")]
    [InlineData("from=9999-12-31&to=9999-12-31")]
    [InlineData("from=2026-11-23T10:00:00.1234567Z&to=2026-11-23T10:00:00.1234567Z")]
    public async Task Dates_at_the_ends_of_the_calendar_are_read_not_refused(string query)
    {
        var page = await (await _client.GetAsync($"/guests/{NewGuest()}/orders?{query}")).ReadJsonAsync();
        Assert.Empty(Ids(page));
    }

    [Fact]
    public async Task A_cursor_is_refused_when_tampered_with_or_used_for_another_guest_range_or_status()
    {
        var guest = NewGuest();
        for (var hour = 8; hour < 11; hour++) await PutRawOrderAsync(api, guest, Day.AddHours(hour));
        var cursor = (await (await _client.GetAsync($"/guests/{guest}/orders?limit=1")).ReadJsonAsync()).GetProperty("next_cursor").GetString()!;
        var middle = cursor.Length / 2;
        var flipped = cursor[..middle] + (cursor[middle] == 'A' ? 'B' : 'A') + cursor[(middle + 1)..];

        foreach (var url in new[]
                 {
                     $"/guests/{guest}/orders?limit=1&cursor={flipped}",
                     $"/guests/{guest}/orders?limit=1&cursor={cursor[..middle]}",
                     $"/guests/{NewGuest()}/orders?limit=1&cursor={cursor}",
                     $"/guests/{guest}/orders?from=2026-11-23&limit=1&cursor={cursor}",
                     $"/guests/{guest}/orders?status=placed&limit=1&cursor={cursor}",
                     $"/kitchen/queue?cursor={cursor}",
                 })
        {
            var problem = await (await _client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _), url);
        }

        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/guests/{guest}/orders?limit=1&cursor={cursor}")).StatusCode);
    }

    [Fact]
    public async Task A_guests_orders_in_one_status_come_from_the_local_index_newest_first()
    {
        var guest = NewGuest();
        var readyOld = await PutRawOrderAsync(api, guest, Day.AddHours(8), OrderStatus.Ready);
        await PutRawOrderAsync(api, guest, Day.AddHours(9), OrderStatus.Placed);
        var readyNew = await PutRawOrderAsync(api, guest, Day.AddHours(10), OrderStatus.Ready);
        await PutRawOrderAsync(api, guest, Day.AddHours(11), OrderStatus.Collected);
        var readyNextDay = await PutRawOrderAsync(api, guest, Day.AddDays(1), OrderStatus.Ready);

        var all = await (await _client.GetAsync($"/guests/{guest}/orders?status=ready")).ReadJsonAsync();
        var thatDay = await (await _client.GetAsync($"/guests/{guest}/orders?status=ready&from=2026-11-23&to=2026-11-23")).ReadJsonAsync();

        Assert.Equal([readyNextDay, readyNew, readyOld], Ids(all));
        Assert.Equal([readyNew, readyOld], Ids(thatDay));
    }

    [Fact]
    public async Task The_kitchen_queue_holds_only_open_orders_of_every_guest_oldest_first()
    {
        // The queue spans the whole table, so this test has tables of its own.
        await using var own = new ApiFactory(api.Dynamo!);
        await own.InitializeAsync();
        using var client = own.CreateClient();
        var (ann, bob) = (NewGuest(), NewGuest());
        var first = await PutRawOrderAsync(own, bob, Day.AddHours(7), OrderStatus.Preparing);
        var second = await PutRawOrderAsync(own, ann, Day.AddHours(8), OrderStatus.Placed);
        await PutRawOrderAsync(own, ann, Day.AddHours(8).AddMinutes(30), OrderStatus.Collected);
        await PutRawOrderAsync(own, bob, Day.AddHours(9), OrderStatus.Cancelled);
        var third = await PutRawOrderAsync(own, ann, Day.AddHours(10), OrderStatus.Ready);

        var page1 = await (await client.GetAsync("/kitchen/queue?limit=2")).ReadJsonAsync();
        var page2 = await (await client.GetAsync($"/kitchen/queue?limit=2&cursor={page1.GetProperty("next_cursor").GetString()}")).ReadJsonAsync();

        Assert.Equal([first, second], Ids(page1));
        Assert.Equal([third], Ids(page2));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page2.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task An_expired_order_that_TTL_has_not_deleted_yet_is_left_out_of_every_read_and_cannot_be_advanced()
    {
        // The Api lives 13 hours ahead; DynamoDB's TTL keeps real time, so the item stays while the Api sees it expired.
        var clock = new ShiftedTime();
        await using var own = new ApiFactory(api.Dynamo!) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };
        await own.InitializeAsync();
        using var client = own.CreateClient();
        await client.AddMenuItemAsync("Latte", "3.50");
        var guest = NewGuest();
        var (id, etag) = await client.PlacedAsync(Body(guest, "Mo", Line("Latte")));
        var kept = await PutRawOrderAsync(own, guest, DateTimeOffset.UtcNow.AddMinutes(-1), OrderStatus.Collected);

        clock.Shift = TimeSpan.FromHours(13);

        await (await client.GetAsync(OrderPath(guest, id))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal([kept], Ids(await (await client.GetAsync($"/guests/{guest}/orders")).ReadJsonAsync()));
        Assert.Empty(Ids(await (await client.GetAsync($"/guests/{guest}/orders?status=placed")).ReadJsonAsync()));
        Assert.Empty(Ids(await (await client.GetAsync("/kitchen/queue")).ReadJsonAsync()));
        await (await client.ChangeStatusAsync(guest, id, "preparing", etag)).AssertProblemAsync(HttpStatusCode.NotFound);
        var raw = (await RawOrderAsync(own, guest, id))!;
        Assert.Equal("placed", raw["status"].S);
        Assert.Equal("1", raw["version"].N);
    }

    [Fact]
    public async Task Every_order_read_is_a_get_item_or_a_query_never_a_scan()
    {
        var (recordingClient, recorder) = RecordingDynamoDb.Wrap(api.Dynamo!.CreateClient());
        await using var recorded = new ApiFactory(api.Dynamo!)
        {
            TableName = api.TableName, OrdersTableName = api.OrdersTableName, TestServices = s => s.AddSingleton(recordingClient),
        };
        await recorded.InitializeAsync();
        using var client = recorded.CreateClient();
        var guest = NewGuest();
        var id = await PutRawOrderAsync(api, guest, Day.AddHours(9));
        recorder.Requests.Clear();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(OrderPath(guest, id))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/guests/{guest}/orders?from=2026-11-01&to=2026-11-30")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/guests/{guest}/orders?status=ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/kitchen/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.ChangeStatusAsync(guest, id, "preparing", "\"1\"")).StatusCode);

        var calls = recorder.DataCalls();
        Assert.DoesNotContain(calls, r => r is ScanRequest);
        Assert.Collection(calls,
            get => Assert.True(Assert.IsType<GetItemRequest>(get).ConsistentRead),
            range =>
            {
                var query = Assert.IsType<QueryRequest>(range);
                Assert.Null(query.IndexName);
                Assert.Contains("BETWEEN", query.KeyConditionExpression);
                Assert.False(query.ScanIndexForward);
            },
            status =>
            {
                var query = Assert.IsType<QueryRequest>(status);
                Assert.Equal(OrdersTable.StatusIndex, query.IndexName);
                Assert.Contains("begins_with", query.KeyConditionExpression);
                Assert.Equal("ready#", query.ExpressionAttributeValues[":prefix"].S);
            },
            queue =>
            {
                var query = Assert.IsType<QueryRequest>(queue);
                Assert.Equal(OrdersTable.QueueIndex, query.IndexName);
                Assert.True(query.ScanIndexForward);
            },
            stepRead => Assert.True(Assert.IsType<GetItemRequest>(stepRead).ConsistentRead),
            update => Assert.Contains("#status = :from", Assert.IsType<UpdateItemRequest>(update).ConditionExpression));
    }
}
