using System.Net;
using Amazon.DynamoDBv2.Model;
using static CafeMenu.Api.Tests.Http;

namespace CafeMenu.Api.Tests;

[Collection(DynamoDbCollection.Name)]
public sealed class BatchTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private static StringContent Batch(params string[] names) =>
        Json($"[{string.Join(",", names.Select(n => Item(n, "1.00")))}]");

    private async Task<bool> ExistsAsync(string name)
    {
        using var dynamo = api.Dynamo!.CreateClient();
        return (await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = api.TableName,
            Key = new() { ["product_name"] = new AttributeValue { S = name } },
            ConsistentRead = true,
        })).Item is { Count: > 0 };
    }

    [Fact]
    public async Task A_batch_creates_every_item()
    {
        var response = await _client.PostAsync("/menu/batch", Batch("B1", "B2", "B3"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(3, (await response.ReadJsonAsync()).GetArrayLength());
        Assert.True(await ExistsAsync("B1") && await ExistsAsync("B2") && await ExistsAsync("B3"));
    }

    [Fact]
    public async Task Duplicates_inside_a_batch_are_400_listing_each_with_its_positions_and_nothing_is_written()
    {
        var response = await _client.PostAsync("/menu/batch", Batch("D1", "D2", "D1", "D3", "D2", "D1"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        var duplicates = problem.GetProperty("duplicates").EnumerateArray()
            .ToDictionary(d => d.GetProperty("product_name").GetString()!, d => d.GetProperty("positions").EnumerateArray().Select(p => p.GetInt32()).ToArray());
        Assert.Equal([0, 2, 5], duplicates["D1"]);
        Assert.Equal([1, 4], duplicates["D2"]);
        Assert.Equal(2, duplicates.Count);
        Assert.True(problem.GetProperty("errors").TryGetProperty("[5].product_name", out _));
        foreach (var name in new[] { "D1", "D2", "D3" }) Assert.False(await ExistsAsync(name));
    }

    [Fact]
    public async Task Existing_items_make_the_batch_409_listing_exactly_those_and_nothing_is_written()
    {
        await _client.PostAsync("/menu", Json(Item("E2", "5.55")));
        await _client.PostAsync("/menu", Json(Item("E4", "6.66")));

        var response = await _client.PostAsync("/menu/batch", Batch("E1", "E2", "E3", "E4"));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var existing = problem.GetProperty("existing").EnumerateArray().ToList();
        Assert.Equal([(1, "E2"), (3, "E4")], existing.Select(e => (e.GetProperty("position").GetInt32(), e.GetProperty("product_name").GetString())));
        Assert.Equal("5.55", existing[0].GetProperty("item").GetProperty("price").GetRawText());
        Assert.False(await ExistsAsync("E1"));
        Assert.False(await ExistsAsync("E3"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task A_batch_of_0_or_more_than_100_items_is_400(int count)
    {
        var names = Enumerable.Range(0, count).Select(i => $"Many {count} {i}").ToArray();
        await (await _client.PostAsync("/menu/batch", Batch(names))).AssertProblemAsync(HttpStatusCode.BadRequest);
        if (count > 0) Assert.False(await ExistsAsync(names[0]));
    }

    [Fact]
    public async Task A_full_batch_of_100_is_accepted()
    {
        var names = Enumerable.Range(0, 100).Select(i => $"Full {i}").ToArray();
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/menu/batch", Batch(names))).StatusCode);
        Assert.True(await ExistsAsync("Full 99"));
    }

    [Fact]
    public async Task An_invalid_item_rejects_the_whole_batch_naming_its_position()
    {
        var body = Json($"[{Item("V1", "1.00")},{Item("V2", "-3")}]");

        var problem = await (await _client.PostAsync("/menu/batch", body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("[1].price", out _));
        Assert.False(await ExistsAsync("V1"));
    }
}
