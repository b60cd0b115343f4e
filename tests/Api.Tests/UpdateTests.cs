using System.Net;
using Amazon.DynamoDBv2.Model;
using static CafeMenu.Api.Tests.Http;

namespace CafeMenu.Api.Tests;

[Collection(DynamoDbCollection.Name)]
public sealed class UpdateTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private async Task<string> CreateAsync(string name, string extra = "")
    {
        var response = await _client.PostAsync("/menu", Json(Item(name, "2.00", extra)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return response.ETag();
    }

    private async Task<Dictionary<string, AttributeValue>> RawAsync(string name)
    {
        using var dynamo = api.Dynamo!.CreateClient();
        return (await dynamo.GetItemAsync(new GetItemRequest
        {
            TableName = api.TableName,
            Key = new() { ["product_name"] = new AttributeValue { S = name } },
            ConsistentRead = true,
        })).Item;
    }

    [Fact]
    public async Task Patch_changes_every_field_in_one_update_and_bumps_the_version()
    {
        var etag = await CreateAsync("Latte", "\"description\":\"Milky\",\"product_group\":\"Coffee\"");

        // description, product_group, tags and price are all passed as #names, so words DynamoDB reserves cannot break the expression.
        var response = await _client.PatchAsync("/menu/Latte",
            """{"price":"4.25","description":"Double shot","product_group":"Espresso drinks","tags":["hot","milk"]}""", etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.ETag());
        var item = await response.ReadJsonAsync();
        Assert.Equal("4.25", item.GetProperty("price").GetRawText());
        var raw = await RawAsync("Latte");
        Assert.Equal("4.25", raw["price"].N);
        Assert.Equal("Double shot", raw["description"].S);
        Assert.Equal("Espresso drinks", raw["product_group"].S);
        Assert.Equal(["hot", "milk"], raw["tags"].L.Select(t => t.S));
        Assert.Equal("2", raw["version"].N);
    }

    [Fact]
    public async Task Patch_with_an_empty_description_removes_it_and_leaves_other_fields()
    {
        var etag = await CreateAsync("Chai", "\"description\":\"Spiced\",\"product_group\":\"Tea\"");

        Assert.Equal(HttpStatusCode.OK, (await _client.PatchAsync("/menu/Chai", """{"description":""}""", etag)).StatusCode);

        var raw = await RawAsync("Chai");
        Assert.False(raw.ContainsKey("description"));
        Assert.Equal("Tea", raw["product_group"].S);
        Assert.Equal(2.00m, decimal.Parse(raw["price"].N, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Patch_without_if_match_is_428_and_changes_nothing()
    {
        await CreateAsync("Americano");

        await (await _client.PatchAsync("/menu/Americano", """{"price":9}""", ifMatch: null)).AssertProblemAsync((HttpStatusCode)428);

        Assert.Equal("1", (await RawAsync("Americano"))["version"].N);
    }

    [Fact]
    public async Task Patch_with_a_stale_etag_is_412_with_the_current_version()
    {
        var etag = await CreateAsync("Macchiato");
        await _client.PatchAsync("/menu/Macchiato", """{"price":3}""", etag);

        var problem = await (await _client.PatchAsync("/menu/Macchiato", """{"price":4}""", etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal(2, problem.GetProperty("current_version").GetInt64());
        Assert.Equal("3", (await RawAsync("Macchiato"))["price"].N);
    }

    [Fact]
    public async Task Patch_of_a_missing_item_is_404()
    {
        await (await _client.PatchAsync("/menu/Ghost", """{"price":1}""", "\"1\"")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty(await RawAsync("Ghost") ?? []);
    }

    [Theory]
    [InlineData("{}", "body")]
    [InlineData("""{"price":-2}""", "price")]
    [InlineData("""{"price":1.999}""", "price")]
    [InlineData("""{"product_group":" "}""", "product_group")]
    [InlineData("""{"tags":[""]}""", "tags")]
    public async Task Invalid_patches_are_400_per_field(string body, string field)
    {
        var name = $"Patch target {Guid.NewGuid():N}";
        var etag = await CreateAsync(name);

        var problem = await (await _client.PatchAsync(Path(name), body, etag)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Patch_rejects_fields_it_does_not_change()
    {
        var etag = await CreateAsync("Ristretto");
        var problem = await (await _client.PatchAsync("/menu/Ristretto", """{"product_name":"Other"}""", etag)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("product_name", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Special_on_and_off_are_idempotent_and_off_removes_the_attribute()
    {
        await CreateAsync("Brownie");

        var on = await _client.PutAsync("/menu/Brownie/special", null);
        Assert.Equal(HttpStatusCode.OK, on.StatusCode);
        Assert.Equal("1", (await RawAsync("Brownie"))["special"].N);
        var again = await _client.PutAsync("/menu/Brownie/special", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(on.ETag(), again.ETag()); // nothing written the second time

        var off = await _client.DeleteAsync("/menu/Brownie/special");
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.False((await RawAsync("Brownie")).ContainsKey("special"));
        Assert.Equal(HttpStatusCode.OK, (await _client.DeleteAsync("/menu/Brownie/special")).StatusCode);
        Assert.False((await RawAsync("Brownie")).ContainsKey("special"));
    }

    [Fact]
    public async Task Special_of_a_missing_item_is_404()
    {
        await (await _client.PutAsync("/menu/Nobody/special", null)).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.DeleteAsync("/menu/Nobody/special")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_is_204_then_404_and_412_on_a_stale_if_match()
    {
        var etag = await CreateAsync("Toast");
        await _client.PatchAsync("/menu/Toast", """{"price":2.5}""", etag);

        await (await _client.DeleteAsync("/menu/Toast", etag)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.NotEmpty(await RawAsync("Toast"));

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync("/menu/Toast", "\"2\"")).StatusCode);
        Assert.Empty(await RawAsync("Toast") ?? []);
        await (await _client.DeleteAsync("/menu/Toast", ifMatch: null)).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_malformed_if_match_is_400()
    {
        var etag = await CreateAsync("Bagel");
        await (await _client.PatchAsync("/menu/Bagel", """{"price":2}""", "not a tag")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(etag, (await _client.GetAsync("/menu/Bagel")).ETag());
    }
}
