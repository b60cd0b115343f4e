using System.Net;
using CafeMenu.Api.Tests;
using CafeMenu.TestSupport;
using static CafeMenu.Api.Tests.Http;

namespace CafeMenu.Reliability;

/// <summary>The real Api with a small menu and one placed order, and the ids, ETag and cursors the order cases start from.</summary>
public sealed class OrderInputApi(DynamoDbLocalFixture dynamo) : IAsyncLifetime
{
    public const string Guest = "hostile-guest";

    public ApiFactory Api { get; } = new(dynamo);

    public DynamoDbLocalFixture Dynamo => dynamo;

    /// <summary>Values the cases refer to as {name}: order_id (path-encoded), etag, guest_cursor, queue_cursor.</summary>
    public Dictionary<string, string> Values { get; } = [];

    public async Task InitializeAsync()
    {
        await Api.InitializeAsync();
        using var client = Api.CreateClient();
        foreach (var (name, price) in new[] { ("Latte", "3.50"), ("Scone", "2.80") }) await client.AddMenuItemAsync(name, price);
        for (var i = 0; i < 2; i++)
        {
            var (orderId, etag) = await client.PlacedAsync(Orders.Body(Guest, "Hostile", Orders.Line("Latte")));
            Values["order_id"] = CafeMenu.Menu.OrderId.UrlSegment(orderId);
            Values["etag"] = etag;
        }

        Values["guest_cursor"] = await CursorAsync(client, $"/guests/{Guest}/orders?limit=1");
        Values["queue_cursor"] = await CursorAsync(client, "/kitchen/queue?limit=1");
    }

    private static async Task<string> CursorAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("next_cursor").GetString() ?? throw new Xunit.Sdk.XunitException($"{url} gave no next_cursor");
    }

    public Task DisposeAsync() => Api.DisposeAsync();
}
