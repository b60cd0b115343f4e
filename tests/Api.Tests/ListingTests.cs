using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using static CafeMenu.Api.Tests.Http;

namespace CafeMenu.Api.Tests;

[Collection(DynamoDbCollection.Name)]
public sealed class ListingTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    /// <summary>Seeds the class's table straight through DynamoDB, once: 30 plain items, 12 specials of which 8 out of stock.</summary>
    public async Task InitializeAsync()
    {
        using var dynamo = api.Dynamo!.CreateClient();
        if ((await dynamo.ScanAsync(new ScanRequest { TableName = api.TableName, Limit = 1 })).Count > 0) return;
        var items = new List<MenuItem>();
        for (var i = 0; i < 30; i++) items.Add(new MenuItem { ProductName = $"Item {i:D2}", Price = 1.10m + i, ProductGroup = i % 3 == 0 ? "Tea" : "Coffee" });
        for (var i = 0; i < 8; i++) items.Add(new MenuItem { ProductName = $"Gone special {i}", Price = 2m, Special = 1, Tags = ["seasonal", "out of stock"] });
        for (var i = 0; i < 4; i++) items.Add(new MenuItem { ProductName = $"Special {i}", Price = 3m, Special = 1, Tags = ["seasonal"] });
        foreach (var item in items) await dynamo.PutItemAsync(api.TableName, MenuItemMapper.ToAttributes(item with { Version = 1 }));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Pages_follow_next_cursor_through_the_whole_table_without_gaps_or_repeats()
    {
        var names = await ReadAllAsync("/menu?limit=7");

        Assert.Equal(42, names.Count);
        Assert.Equal(42, names.Distinct().Count());
    }

    [Fact]
    public async Task The_default_page_holds_25_items()
    {
        var page = await (await _client.GetAsync("/menu")).ReadJsonAsync();
        Assert.Equal(25, page.GetProperty("items").GetArrayLength());
        Assert.Equal(JsonValueKind.String, page.GetProperty("next_cursor").ValueKind);
    }

    [Fact]
    public async Task A_group_filter_returns_only_that_group_across_pages()
    {
        var names = await ReadAllAsync("/menu?group=Tea&limit=3");

        Assert.Equal(Enumerable.Range(0, 30).Where(i => i % 3 == 0).Select(i => $"Item {i:D2}").Order(), names.Order());
    }

    [Fact]
    public async Task Specials_leave_out_the_out_of_stock_and_the_non_specials()
    {
        var names = await ReadAllAsync("/menu/specials?limit=100");

        Assert.Equal(["Special 0", "Special 1", "Special 2", "Special 3"], names.Order());
    }

    [Fact]
    public async Task Specials_keep_reading_until_the_limit_is_met_even_past_filtered_out_items()
    {
        // With limit 1 most index pages hold only out-of-stock items; the Api must read on, never answer an empty page early.
        var page = await (await _client.GetAsync("/menu/specials?limit=3")).ReadJsonAsync();
        Assert.Equal(3, page.GetProperty("items").GetArrayLength());

        var names = await ReadAllAsync("/menu/specials?limit=1");
        Assert.Equal(4, names.Count);
        Assert.All(names, n => Assert.StartsWith("Special ", n));
    }

    [Theory]
    [InlineData("/menu?limit=0")]
    [InlineData("/menu?limit=101")]
    [InlineData("/menu/specials?limit=-5")]
    [InlineData("/menu?limit=abc")]
    public async Task A_limit_outside_1_to_100_is_400(string url)
    {
        await (await _client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_tampered_or_made_up_cursor_is_400_never_500()
    {
        var cursor = (await (await _client.GetAsync("/menu?limit=2")).ReadJsonAsync()).GetProperty("next_cursor").GetString()!;
        var flipped = cursor[..10] + (cursor[10] == 'A' ? 'B' : 'A') + cursor[11..];

        foreach (var bad in new[] { flipped, cursor[..^4], "not-a-cursor", "eyJwcm9kdWN0X25hbWUiOnsiUyI6IkEifX0", "%%%" })
        {
            var problem = await (await _client.GetAsync($"/menu?cursor={Uri.EscapeDataString(bad)}")).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("cursor", out _));
        }
    }

    [Fact]
    public async Task A_cursor_from_another_listing_is_400()
    {
        var menuCursor = (await (await _client.GetAsync("/menu?limit=2")).ReadJsonAsync()).GetProperty("next_cursor").GetString()!;
        var teaCursor = (await (await _client.GetAsync("/menu?group=Tea&limit=2")).ReadJsonAsync()).GetProperty("next_cursor").GetString()!;

        await (await _client.GetAsync($"/menu/specials?cursor={menuCursor}")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync($"/menu?group=Coffee&cursor={teaCursor}")).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.GetAsync($"/menu?cursor={teaCursor}")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/menu?group=Tea&cursor={teaCursor}")).StatusCode);
    }

    private async Task<List<string>> ReadAllAsync(string firstUrl)
    {
        var names = new List<string>();
        var url = firstUrl;
        for (var pages = 0; pages < 100; pages++)
        {
            var response = await _client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadJsonAsync();
            names.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("product_name").GetString()!));
            if (page.GetProperty("next_cursor").GetString() is not { } cursor) return names;
            var separator = firstUrl.Contains('?') ? '&' : '?';
            url = $"{firstUrl}{separator}cursor={Uri.EscapeDataString(cursor)}";
        }

        throw new Xunit.Sdk.XunitException("the listing never ended");
    }
}
