using System.Net;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using Microsoft.Extensions.DependencyInjection;
using static CafeMenu.Api.Tests.Orders;

namespace CafeMenu.Api.Tests;

/// <summary>
/// Two requests with one Idempotency-Key that both miss the lookup: the one that reaches DynamoDB second carries the same
/// ClientRequestToken with another order id, and DynamoDB refuses it (IdempotentParameterMismatch). The race is staged
/// by committing the "other" request's transaction just before the Api's own arrives.
/// </summary>
[Collection(DynamoDbCollection.Name)]
public sealed class OrderIdempotencyRaceTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        using var client = api.CreateClient();
        using var _ = await client.PostAsync("/menu", Http.Json(Http.Item("Latte", "3.50")));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>An Api whose first TransactWriteItems is preceded by a copy under the same token, with another order id (and, optionally, another request hash).</summary>
    private async Task<(ApiFactory Api, Func<string?> WinnerId)> RacingApiAsync(string? winnerRequestHash)
    {
        string? winner = null;
        var staged = 0;
        var intercepting = InterceptingDynamoDb.Wrap(api.Dynamo!.CreateClient(), async request =>
        {
            if (request is not TransactWriteItemsRequest ours || Interlocked.Exchange(ref staged, 1) != 0) return;
            var item = new Dictionary<string, AttributeValue>(ours.TransactItems[0].Put.Item);
            winner = OrderId.New(DateTimeOffset.UtcNow.AddMilliseconds(-5));
            item["order_id"] = new AttributeValue { S = winner };
            item["status_order"] = new AttributeValue { S = OrderMapper.StatusOrder(OrderStatus.Placed, winner) };
            if (winnerRequestHash is not null) item["request_hash"] = new AttributeValue { S = winnerRequestHash };
            var copy = new TransactWriteItemsRequest
            {
                ClientRequestToken = ours.ClientRequestToken,
                TransactItems = [new TransactWriteItem { Put = new Put { TableName = ours.TransactItems[0].Put.TableName, Item = item } }, .. ours.TransactItems.Skip(1)],
            };
            using var raw = api.Dynamo!.CreateClient();
            await raw.TransactWriteItemsAsync(copy);
        });
        var racing = new ApiFactory(api.Dynamo!) { TableName = api.TableName, OrdersTableName = api.OrdersTableName, TestServices = s => s.AddSingleton(intercepting) };
        await racing.InitializeAsync();
        return (racing, () => winner);
    }

    [Fact]
    public async Task The_second_of_two_racing_requests_with_one_key_and_body_is_refused_by_DynamoDB_and_answers_the_first_order()
    {
        var (racing, winner) = await RacingApiAsync(winnerRequestHash: null);
        await using var _ = racing;
        using var client = racing.CreateClient();
        var guest = NewGuest();

        using var response = await client.PlaceAsync(Body(guest, "Ul", Line("Latte")), Guid.NewGuid().ToString());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("true", response.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(winner(), (await response.ReadJsonAsync()).GetProperty("order_id").GetString());
        Assert.Equal(winner(), Assert.Single(await RawOrdersAsync(api, guest))["order_id"].S);
    }

    [Fact]
    public async Task The_second_of_two_racing_requests_with_one_key_and_different_bodies_is_a_422_and_writes_nothing()
    {
        var (racing, winner) = await RacingApiAsync(winnerRequestHash: "another request");
        await using var _ = racing;
        using var client = racing.CreateClient();
        var guest = NewGuest();

        var problem = await (await client.PlaceAsync(Body(guest, "Vi", Line("Latte")), Guid.NewGuid().ToString()))
            .AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(winner(), problem.GetProperty("existing_order_id").GetString());
        Assert.Equal(winner(), Assert.Single(await RawOrdersAsync(api, guest))["order_id"].S);
    }
}
