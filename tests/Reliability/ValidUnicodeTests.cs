using System.Net;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Api.Tests;
using CafeMenu.Menu;
using static CafeMenu.Api.Tests.Http;

namespace CafeMenu.Reliability;

/// <summary>The other side of the bad-input suite: unusual but valid Unicode names are kept exactly, never altered or refused.</summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ValidUnicodeTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Theory]
    [InlineData("👩‍🍳 Chef's special")] // emoji with a zero-width joiner sequence
    [InlineData("قهوة عربية")] // right-to-left script
    [InlineData("\u200Fשוקו חם")] // leading right-to-left mark
    [InlineData("Caf\u00e9 latte")] // precomposed é (NFC); the decomposed spelling is refused by the name rule
    [InlineData("𝔉𝔯𝔞𝔨𝔱𝔲𝔯 tea")] // supplementary-plane letters (surrogate pairs)
    [InlineData("Mango\u200Blassi")] // zero-width space inside
    public async Task A_valid_unicode_name_is_created_and_read_back_unchanged(string name)
    {
        using var created = await _client.PostAsync("/menu", Json(Item(name)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var read = await (await _client.GetAsync(Path(name))).ReadJsonAsync();
        Assert.Equal(name, read.GetProperty("product_name").GetString());
        using var dynamo = api.Dynamo!.CreateClient();
        var stored = await dynamo.GetItemAsync(new GetItemRequest { TableName = api.TableName, Key = MenuItemMapper.Key(name), ConsistentRead = true });
        Assert.Equal(name, stored.Item[MenuTable.Attributes.ProductName].S);
    }
}
