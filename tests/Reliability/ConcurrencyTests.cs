using System.Net;
using CafeMenu.Api.Tests;
using static CafeMenu.Api.Tests.Http;

namespace CafeMenu.Reliability;

/// <summary>Many clients racing on one item: conditional writes let exactly one win and lose no update.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ConcurrencyTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task A_hundred_concurrent_creates_of_one_name_give_exactly_one_201_and_the_winner_is_stored()
    {
        var results = await RaceAsync(100, async i =>
        {
            using var response = await _client.PostAsync("/menu", Json(Item("Race", $"{i + 1}.00")));
            return (Price: $"{i + 1}.00", response.StatusCode);
        });

        var winner = Assert.Single(results, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(99, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var stored = await (await _client.GetAsync("/menu/Race")).ReadJsonAsync();
        Assert.Equal(winner.Price, stored.GetProperty("price").GetRawText());
        Assert.Equal(1, stored.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Twenty_concurrent_patches_with_one_etag_give_one_200_and_19_412_and_the_version_goes_up_by_one()
    {
        using var created = await _client.PostAsync("/menu", Json(Item("Contended", "1.00")));
        var etag = created.ETag();
        var initial = (await created.ReadJsonAsync()).GetProperty("version").GetInt64();

        var results = await RaceAsync(20, async i =>
        {
            using var response = await _client.PatchAsync("/menu/Contended", $$"""{"price":{{i + 2}}.00}""", etag);
            return (Price: $"{i + 2}.00", response.StatusCode);
        });

        var winner = Assert.Single(results, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Equal(19, results.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        var stored = await (await _client.GetAsync("/menu/Contended")).ReadJsonAsync();
        Assert.Equal(initial + 1, stored.GetProperty("version").GetInt64());
        Assert.Equal(winner.Price, stored.GetProperty("price").GetRawText());
    }

    /// <summary>Starts every call at once behind one gate, so they really overlap.</summary>
    private static async Task<T[]> RaceAsync<T>(int count, Func<int, Task<T>> call)
    {
        using var gate = new SemaphoreSlim(0);
        var calls = Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync();
            return await call(i);
        }).ToList();
        gate.Release(count);
        return await Task.WhenAll(calls);
    }
}
