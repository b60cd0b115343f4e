using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using Microsoft.Extensions.DependencyInjection;
using static CafeMenu.Api.Tests.Orders;

namespace CafeMenu.Api.Tests;

/// <summary>POST /orders against DynamoDB Local: what is answered and what is stored, and that a refusal stores nothing.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class OrderPlacementTests(ApiFactory api) : IClassFixture<ApiFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = api.CreateClient();

    public async Task InitializeAsync()
    {
        // Each test class has its own tables; items are added once (a second POST is a 409, which is fine to ignore).
        foreach (var (name, price, extra) in new[] { ("Latte", "3.50", ""), ("Scone", "2.80", ""), ("Sold out cake", "4.00", "\"tags\":[\"out of stock\"]") })
        {
            using var _ = await _client.PostAsync("/menu", Http.Json(Http.Item(name, price, extra)));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Placing_an_order_answers_201_and_stores_lines_total_status_queue_and_expiry_as_answered()
    {
        var guest = NewGuest();
        var before = DateTimeOffset.UtcNow;

        using var response = await _client.PlaceAsync(Body(guest, "  Ada  ", Line("Latte", "2", "3.5"), Line("Scone", "1", "2.80")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("\"1\"", response.ETag());
        var order = await response.ReadJsonAsync();
        var orderId = order.GetProperty("order_id").GetString()!;
        Assert.True(OrderId.IsWellFormed(orderId), orderId);
        Assert.Equal(OrderPath(guest, orderId), response.Headers.Location!.OriginalString);
        Assert.Equal("placed", order.GetProperty("status").GetString());
        Assert.Equal("Ada", order.GetProperty("pickup_name").GetString());
        Assert.Equal("9.80", order.GetProperty("total").GetRawText());
        Assert.Equal("3.50", order.GetProperty("lines")[0].GetProperty("unit_price").GetRawText());
        Assert.Equal(["preparing", "cancelled"], order.GetProperty("next_steps").EnumerateArray().Select(s => s.GetString()));

        var raw = (await RawOrderAsync(api, guest, orderId))!;
        Assert.Equal("placed", raw["status"].S);
        Assert.Equal($"placed#{orderId}", raw["status_order"].S);
        Assert.Equal("open", raw["queue"].S);
        Assert.Equal("Ada", raw["pickup_name"].S);
        Assert.Equal(9.80m, decimal.Parse(raw["total"].N, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("1", raw["version"].N);
        Assert.Equal(["Latte", "Scone"], raw["lines"].L.Select(l => l.M["product_name"].S));
        Assert.Equal(["2", "1"], raw["lines"].L.Select(l => l.M["quantity"].N));
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(raw["expires_at"].N, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(expires, before.AddHours(12).AddSeconds(-1), DateTimeOffset.UtcNow.AddHours(12).AddSeconds(1));
        Assert.Equal(expires, order.GetProperty("expires_at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Placing_an_order_is_one_batch_read_of_the_menu_and_one_transaction_of_a_put_and_a_condition_check_per_line()
    {
        var (client, recorder) = RecordingDynamoDb.Wrap(api.Dynamo!.CreateClient());
        await using var recorded = new ApiFactory(api.Dynamo!) { TableName = api.TableName, OrdersTableName = api.OrdersTableName, TestServices = s => s.AddSingleton(client) };
        await recorded.InitializeAsync();
        using var http = recorded.CreateClient();

        await http.PlacedAsync(Body(NewGuest(), "Bo", Line("Latte"), Line("Scone", "3", "2.80")));

        var calls = recorder.DataCalls();
        Assert.Collection(calls,
            read => Assert.True(Assert.IsType<BatchGetItemRequest>(read).RequestItems[api.TableName].ConsistentRead),
            write =>
            {
                var transaction = Assert.IsType<TransactWriteItemsRequest>(write);
                Assert.Equal(3, transaction.TransactItems.Count);
                Assert.Equal(api.OrdersTableName, transaction.TransactItems[0].Put.TableName);
                Assert.Contains("attribute_not_exists", transaction.TransactItems[0].Put.ConditionExpression);
                Assert.All(transaction.TransactItems.Skip(1), item =>
                {
                    Assert.Equal(api.TableName, item.ConditionCheck.TableName);
                    Assert.Contains("#price = :price", item.ConditionCheck.ConditionExpression);
                    Assert.Contains("NOT contains(#tags, :out_of_stock)", item.ConditionCheck.ConditionExpression);
                });
            });
    }

    [Theory]
    [InlineData("Nonexistent", "1.00", "unknown_product", null)]
    [InlineData("Sold out cake", "4.00", "out_of_stock", "4.00")]
    [InlineData("Latte", "3.00", "price_changed", "3.50")]
    public async Task A_line_the_menu_refuses_is_a_409_naming_the_line_the_reason_and_the_current_price_and_nothing_is_written(
        string product, string seenPrice, string reason, string? currentPrice)
    {
        var guest = NewGuest();
        var menuBefore = await RawTable.ScanAsync(api);

        using var response = await _client.PlaceAsync(Body(guest, "Cy", Line("Scone", "1", "2.80"), Line(product, "1", seenPrice)));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var line = Assert.Single(problem.GetProperty("lines").EnumerateArray());
        Assert.Equal(1, line.GetProperty("line").GetInt32());
        Assert.Equal(product, line.GetProperty("product_name").GetString());
        Assert.Equal(reason, line.GetProperty("reason").GetString());
        Assert.Equal(currentPrice ?? "null", line.GetProperty("current_price").GetRawText());
        Assert.Empty(await RawOrdersAsync(api, guest));
        Assert.Equal(menuBefore, await RawTable.ScanAsync(api));
    }

    [Fact]
    public async Task A_price_changed_between_the_read_and_the_write_is_refused_by_the_transaction_with_the_current_price()
    {
        await _client.AddMenuItemAsync("Mocha race", "4.00");
        var changed = 0;
        var inner = api.Dynamo!.CreateClient();
        var intercepting = InterceptingDynamoDb.Wrap(inner, async request =>
        {
            // The Api has read the menu; the price changes before its transaction arrives.
            if (request is TransactWriteItemsRequest && Interlocked.Exchange(ref changed, 1) == 0)
            {
                using var raw = api.Dynamo!.CreateClient();
                await raw.UpdateItemAsync(api.TableName, MenuItemMapper.Key("Mocha race"),
                    new() { ["price"] = new AttributeValueUpdate(new AttributeValue { N = "4.40" }, Amazon.DynamoDBv2.AttributeAction.PUT) });
            }
        });
        await using var racing = new ApiFactory(api.Dynamo!) { TableName = api.TableName, OrdersTableName = api.OrdersTableName, TestServices = s => s.AddSingleton(intercepting) };
        await racing.InitializeAsync();
        using var http = racing.CreateClient();
        var guest = NewGuest();

        using var response = await http.PlaceAsync(Body(guest, "Di", Line("Latte"), Line("Mocha race", "1", "4.00")));

        var problem = await response.AssertProblemAsync(HttpStatusCode.Conflict);
        var line = Assert.Single(problem.GetProperty("lines").EnumerateArray());
        Assert.Equal(1, line.GetProperty("line").GetInt32());
        Assert.Equal("price_changed", line.GetProperty("reason").GetString());
        Assert.Equal("4.40", line.GetProperty("current_price").GetRawText());
        Assert.Empty(await RawOrdersAsync(api, guest));
    }

    [Fact]
    public async Task A_total_sent_by_the_client_is_refused_as_an_unknown_field_and_nothing_is_written()
    {
        var guest = NewGuest();
        var body = Body(guest, "Ed", Line("Latte")).TrimEnd('}') + ",\"total\":0.01}";

        var problem = await (await _client.PlaceAsync(body)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("total", out _));
        Assert.Empty(await RawOrdersAsync(api, guest));
    }

    public static TheoryData<string, string> BadOrders => new()
    {
        { "quantity 0", Body("{guest}", "Fe", Line("Latte", "0")) },
        { "quantity -1", Body("{guest}", "Fe", Line("Latte", "-1")) },
        { "quantity 1.5", Body("{guest}", "Fe", Line("Latte", "1.5")) },
        { "quantity 10^40", Body("{guest}", "Fe", Line("Latte", "1" + new string('0', 40))) },
        { "quantity 1e40", Body("{guest}", "Fe", Line("Latte", "1e40")) },
        { "quantity 51", Body("{guest}", "Fe", Line("Latte", "51")) },
        { "quantity a string", Body("{guest}", "Fe", Line("Latte", "\"2\"")) },
        { "quantity a word", Body("{guest}", "Fe", Line("Latte", "\"two\"")) },
        { "quantity null", Body("{guest}", "Fe", Line("Latte", "null")) },
        { "unit_price a word", Body("{guest}", "Fe", Line("Latte", "1", "\"cheap\"")) },
        { "unit_price negative", Body("{guest}", "Fe", Line("Latte", "1", "-3.50")) },
        { "no lines", Body("{guest}", "Fe") },
        { "100 lines", Body("{guest}", "Fe", [.. Enumerable.Range(0, 100).Select(i => Line($"Item {i}"))]) },
        { "the same product twice", Body("{guest}", "Fe", Line("Latte"), Line("Scone", "1", "2.80"), Line("Latte", "2")) },
        { "a null line", Body("{guest}", "Fe", "null") },
        { "a product name that breaks the name rule", Body("{guest}", "Fe", Line(" Latte")) },
        { "pickup name empty", Body("{guest}", "", Line("Latte")) },
        { "pickup name blank", Body("{guest}", "   ", Line("Latte")) },
        { "pickup name of 10,000 characters", Body("{guest}", new string('p', 10_000), Line("Latte")) },
        { "pickup name with a newline", Body("{guest}", "Ada\nBo", Line("Latte")) },
        { "pickup name with an escape", Body("{guest}", "\u001b[31mAda", Line("Latte")) },
        { "pickup name with NUL", Body("{guest}", "A\u0000da", Line("Latte")) },
        // Written as the JSON escape: a serializer would replace the lone surrogate before it is sent.
        { "pickup name with a lone surrogate", Body("{guest}", "Ada{lone}", Line("Latte")).Replace("{lone}", "\\uD800", StringComparison.Ordinal) },
        { "guest id with a slash", Body("{guest}/x", "Fe", Line("Latte")) },
        { "guest id empty", Body("", "Fe", Line("Latte")) },
    };

    [Theory]
    [MemberData(nameof(BadOrders))]
    public async Task A_bad_order_is_a_400_problem_naming_the_field_and_nothing_is_written(string name, string body)
    {
        var guest = NewGuest();
        var ordersBefore = await RawOrdersTableAsync(api);
        var menuBefore = await RawTable.ScanAsync(api);

        using var response = await _client.PlaceAsync(body.Replace("{guest}", guest, StringComparison.Ordinal));

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").EnumerateObject().Any(), name);
        Assert.DoesNotContain("System.", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(ordersBefore, await RawOrdersTableAsync(api));
        Assert.Equal(menuBefore, await RawTable.ScanAsync(api));
    }

    [Fact]
    public async Task The_same_product_twice_is_refused_with_its_positions_in_duplicates()
    {
        var problem = await (await _client.PlaceAsync(Body(NewGuest(), "Gi", Line("Latte"), Line("Scone", "1", "2.80"), Line("Latte", "2"))))
            .AssertProblemAsync(HttpStatusCode.BadRequest);

        var duplicate = Assert.Single(problem.GetProperty("duplicates").EnumerateArray());
        Assert.Equal("Latte", duplicate.GetProperty("product_name").GetString());
        Assert.Equal([0, 2], duplicate.GetProperty("positions").EnumerateArray().Select(p => p.GetInt32()));
        Assert.True(problem.GetProperty("errors").TryGetProperty("lines[2].product_name", out _));
    }

    [Fact]
    public async Task Ninety_nine_lines_are_placed_in_one_transaction()
    {
        var names = Enumerable.Range(0, 99).Select(i => $"Petit four {i:D2}").ToList();
        using (var batch = await _client.PostAsync("/menu/batch", Http.Json("[" + string.Join(',', names.Select(n => Http.Item(n, "0.50"))) + "]")))
        {
            Assert.Equal(HttpStatusCode.Created, batch.StatusCode);
        }

        var guest = NewGuest();
        var (orderId, _) = await _client.PlacedAsync(Body(guest, "Hu", [.. names.Select(n => Line(n, "2", "0.50"))]));

        var raw = (await RawOrderAsync(api, guest, orderId))!;
        Assert.Equal(99, raw["lines"].L.Count);
        Assert.Equal(99m, decimal.Parse(raw["total"].N, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_same_idempotency_key_and_body_give_the_same_order_and_store_one()
    {
        var guest = NewGuest();
        var body = Body(guest, "Io", Line("Latte", "1", "3.50"));
        var key = Guid.NewGuid().ToString();

        using var first = await _client.PlaceAsync(body, key);
        using var again = await _client.PlaceAsync(body.Replace("3.50", "3.5", StringComparison.Ordinal), key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        var id = (await first.ReadJsonAsync()).GetProperty("order_id").GetString();
        Assert.Equal(id, (await again.ReadJsonAsync()).GetProperty("order_id").GetString());
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Single(await RawOrdersAsync(api, guest));
    }

    [Fact]
    public async Task The_same_idempotency_key_with_a_different_body_is_a_422_and_writes_nothing_more()
    {
        var guest = NewGuest();
        var key = Guid.NewGuid().ToString();
        var (orderId, _) = await _client.PlacedAsync(Body(guest, "Jo", Line("Latte")), key);

        var problem = await (await _client.PlaceAsync(Body(guest, "Jo", Line("Latte", "2")), key)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Equal(orderId, problem.GetProperty("existing_order_id").GetString());
        Assert.Single(await RawOrdersAsync(api, guest));
    }

    [Fact]
    public async Task Ten_concurrent_requests_with_one_idempotency_key_store_one_order_and_all_answer_its_id()
    {
        var guest = NewGuest();
        var body = Body(guest, "Ka", Line("Scone", "2", "2.80"));
        var key = Guid.NewGuid().ToString();
        using var start = new SemaphoreSlim(0);
        var posts = Enumerable.Range(0, 10).Select(async _ =>
        {
            await start.WaitAsync();
            using var response = await _client.PlaceAsync(body, key);
            var text = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, text);
        }).ToList();
        start.Release(10);

        var answers = await Task.WhenAll(posts);

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.Created, $"{(int)a.StatusCode}: {a.text}"));
        var stored = Assert.Single(await RawOrdersAsync(api, guest));
        Assert.All(answers, a => Assert.Equal(stored["order_id"].S, JsonDocument.Parse(a.text).RootElement.GetProperty("order_id").GetString()));
    }

    [Theory]
    [InlineData("a key of 256 characters")]
    [InlineData("key\twith a tab")]
    public async Task A_malformed_idempotency_key_is_a_400_and_nothing_is_written(string key)
    {
        var guest = NewGuest();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = Http.Json(Body(guest, "La", Line("Latte"))) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key.StartsWith("a key of", StringComparison.Ordinal) ? new string('k', 256) : key);
        using var response = await _client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
        Assert.Empty(await RawOrdersAsync(api, guest));
    }
}
