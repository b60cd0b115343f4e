using System.Net;
using CafeMenu.Web.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CafeMenu.Web.Tests;

/// <summary>The menu client as the Web registers it (service discovery, resilience), with only the socket replaced.</summary>
public class MenuApiClientRegistrationTests
{
    [Theory]
    [InlineData(".", "/menu/%2E")]
    [InlineData("..", "/menu/%2E%2E")]
    [InlineData("A%2FB", "/menu/A%252FB")]
    public async Task Through_service_discovery_an_item_path_reaches_the_wire_as_written(string name, string path)
    {
        var api = new FakeApi((_, _) => FakeApi.Json(HttpStatusCode.OK, FakeApi.Item(name, 1m), etag: "\"1\""));
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["services:api:http:0"] = "http://127.0.0.1:5999";
        builder.AddServiceDefaults();
        builder.AddMenuWeb();
        builder.Services.AddHttpClient<MenuApiClient>().ConfigurePrimaryHttpMessageHandler(() => api);
        await using var app = builder.Build();
        var client = app.Services.GetRequiredService<MenuApiClient>();

        await client.GetItemAsync(name, CancellationToken.None);
        await client.UpdateAsync(name, new MenuItemPatch { Price = 2m }, "\"1\"", CancellationToken.None);
        await client.SetSpecialAsync(name, onSpecial: true, CancellationToken.None);
        await client.DeleteAsync(name, "\"1\"", CancellationToken.None);

        Assert.Equal([path, path, path + "/special", path], api.Requests.Select(r => r.PathAndQuery));
        Assert.All(api.Authorities, authority => Assert.Equal("127.0.0.1:5999", authority));
    }

    [Fact]
    public async Task Through_service_discovery_an_order_path_reaches_the_wire_as_written()
    {
        var api = new FakeApi((_, _) => FakeOrders.Answer(FakeOrders.Order(), HttpStatusCode.OK));
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["services:api:http:0"] = "http://127.0.0.1:5999";
        builder.AddServiceDefaults();
        builder.AddMenuWeb();
        builder.Services.AddHttpClient<OrdersApiClient>().ConfigurePrimaryHttpMessageHandler(() => api);
        await using var app = builder.Build();
        var client = app.Services.GetRequiredService<OrdersApiClient>();

        await client.GetAsync("g1", "2025-01-02T03:04:05.678Z#0123456789ab", CancellationToken.None);

        Assert.Equal("/guests/g1/orders/2025-01-02T03%3A04%3A05.678Z%230123456789ab", api.Requests.Single().PathAndQuery);
        Assert.Equal("127.0.0.1:5999", api.Authorities.Single());
    }
}
