using System.Net;
using Microsoft.Extensions.DependencyInjection;
using static CafeMenu.Api.Tests.Http;

namespace CafeMenu.Api.Tests;

[Collection(DynamoDbCollection.Name)]
public sealed class ConcurrencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Fifty_concurrent_creates_of_one_product_give_exactly_one_201_and_49_409()
    {
        using var start = new SemaphoreSlim(0);
        var posts = Enumerable.Range(0, 50).Select(async i =>
        {
            await start.WaitAsync();
            using var response = await _client.PostAsync("/menu", Json(Item("Cortado", $"{i + 1}.00")));
            return response.StatusCode;
        }).ToList();
        start.Release(50);

        var statuses = await Task.WhenAll(posts);

        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(49, statuses.Count(s => s == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Two_patches_with_one_etag_give_one_200_and_one_412_and_lose_no_update()
    {
        var etag = (await _client.PostAsync("/menu", Json(Item("Mocha", "3.00")))).ETag();
        using var start = new SemaphoreSlim(0);
        var patches = new[] { "4.00", "5.00" }.Select(async price =>
        {
            await start.WaitAsync();
            using var response = await _client.PatchAsync("/menu/Mocha", $$"""{"price":{{price}}}""", etag);
            return (price, response.StatusCode);
        }).ToList();
        start.Release(2);

        var results = await Task.WhenAll(patches);

        var winner = Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.PreconditionFailed);
        var stored = await (await _client.GetAsync("/menu/Mocha")).ReadJsonAsync();
        Assert.Equal(winner.price, stored.GetProperty("price").GetRawText());
        Assert.Equal(2, stored.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_patch_with_a_used_etag_is_412_even_when_the_clock_has_not_moved_since_the_write_it_lost_to()
    {
        // A frozen clock gives both patches one updated_at: the loser must still not take the winner's write for its own.
        var frozen = new FrozenTime(DateTimeOffset.UtcNow);
        await using var own = new ApiFactory(api.Dynamo!) { TestServices = s => s.AddSingleton<TimeProvider>(frozen) };
        await own.InitializeAsync();
        using var client = own.CreateClient();
        var etag = (await client.PostAsync("/menu", Json(Item("Frozen mocha", "3.00")))).ETag();

        using var first = await client.PatchAsync("/menu/Frozen%20mocha", """{"price":4.00}""", etag);
        using var second = await client.PatchAsync("/menu/Frozen%20mocha", """{"price":5.00}""", etag);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await second.AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        var stored = await (await client.GetAsync("/menu/Frozen%20mocha")).ReadJsonAsync();
        Assert.Equal("4.00", stored.GetProperty("price").GetRawText());
        Assert.Equal(2, stored.GetProperty("version").GetInt64());
    }
}
