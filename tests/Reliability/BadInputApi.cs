using System.Net;
using CafeMenu.Api.Tests;
using CafeMenu.TestSupport;
using static CafeMenu.Api.Tests.Http;

namespace CafeMenu.Reliability;

/// <summary>The real Api on a seeded table, with the real cursors and ETag that tampering cases start from.</summary>
public sealed class BadInputApi(DynamoDbLocalFixture dynamo) : IAsyncLifetime
{
    public ApiFactory Api { get; } = new(dynamo);

    public DynamoDbLocalFixture Dynamo => dynamo;

    /// <summary>Values the cases refer to as {name}: cursors issued by this Api and the ETag of "Latte".</summary>
    public Dictionary<string, string> Values { get; } = [];

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        using var client = Api.CreateClient();
        string[] seed =
        [
            Item("Latte", "3.50", "\"product_group\":\"coffee\",\"tags\":[\"hot\"]"),
            Item("Flat white", "3.20", "\"product_group\":\"coffee\",\"special\":1"),
            Item("Espresso", "2.10", "\"product_group\":\"coffee\",\"special\":1"),
            Item("Scone", "2.80", "\"product_group\":\"pastry\""),
            Item("Muffin", "2.60", "\"product_group\":\"pastry\",\"special\":1"),
        ];
        foreach (var item in seed)
        {
            using var created = await client.PostAsync("/menu", Json(item));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            if (item.Contains("\"Latte\"", StringComparison.Ordinal)) Values["etag"] = created.ETag();
        }

        var cursor = await CursorAsync(client, "/menu?limit=1");
        Values["cursor_all"] = cursor;
        // Base64url: changing one character in the middle changes the protected bytes.
        var middle = cursor.Length / 2;
        Values["cursor_flipped"] = cursor[..middle] + (cursor[middle] == 'A' ? 'B' : 'A') + cursor[(middle + 1)..];
        Values["cursor_half"] = cursor[..middle];
        Values["cursor_specials"] = await CursorAsync(client, "/menu/specials?limit=1");
        Values["cursor_coffee"] = await CursorAsync(client, "/menu?group=coffee&limit=1");
    }

    private static async Task<string> CursorAsync(HttpClient client, string url)
    {
        var page = await (await client.GetAsync(url)).ReadJsonAsync();
        return page.GetProperty("next_cursor").GetString() ?? throw new Xunit.Sdk.XunitException($"{url} gave no next_cursor");
    }

    public Task DisposeAsync() => Api.DisposeAsync();
}
