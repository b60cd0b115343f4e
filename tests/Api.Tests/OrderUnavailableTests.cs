using System.Net;
using CafeMenu.TestSupport;
using static CafeMenu.Api.Tests.Orders;

namespace CafeMenu.Api.Tests;

/// <summary>DynamoDB down: every order route answers 503 with Retry-After, never a 500 or a hang.</summary>
public sealed class OrderUnavailableTests
{
    [Fact]
    public async Task A_closed_port_gives_503_with_retry_after_on_every_order_route()
    {
        await using var api = new ApiFactory($"http://127.0.0.1:{FreePort.Next()}", createTable: false);
        await api.InitializeAsync();
        using var client = api.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(15);
        var guest = NewGuest();
        var id = CafeMenu.Menu.OrderId.New(DateTimeOffset.UtcNow);

        foreach (var request in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => client.PlaceAsync(Body(guest, "Su", Line("Latte"))),
                     () => client.GetAsync(OrderPath(guest, id)),
                     () => client.GetAsync($"/guests/{guest}/orders"),
                     () => client.GetAsync($"/guests/{guest}/orders?status=ready"),
                     () => client.GetAsync("/kitchen/queue"),
                     () => client.ChangeStatusAsync(guest, id, "preparing", "\"1\""),
                 })
        {
            using var response = await request();
            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }
    }
}
