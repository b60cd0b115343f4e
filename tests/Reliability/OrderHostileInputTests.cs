using System.Net;
using System.Text;
using System.Text.Json;
using CafeMenu.Api.Tests;
using CafeMenu.Menu;

namespace CafeMenu.Reliability;

/// <summary>
/// Hostile values in every field, header, path value and query option of the order routes. No answer is a 500, every
/// error is problem+json, and the Orders and FoodProducts tables change only by what a 2xx answer claims.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class OrderHostileInputTests(OrderInputApi fixture) : IClassFixture<OrderInputApi>
{
    private const string Guest = OrderInputApi.Guest;

    private static readonly string[] Quantities =
        ["0", "-1", "1.5", "1e40", "1" + new string('0', 40), "\"2\"", "null", "true", "[]", "{}", "51", "1e-5", "-0", "2.0", "1E+1", "1e99999999", "\"\""];

    public static TheoryData<string> Cases => new(Build().Keys);

    private static string S(string value) => JsonSerializer.Serialize(value);

    private static string Order(string guest = "\"" + Guest + "\"", string pickup = "\"Hostile\"", string product = "\"Latte\"", string quantity = "1", string price = "3.50") =>
        $$"""{"guest_id":{{guest}},"pickup_name":{{pickup}},"lines":[{"product_name":{{product}},"quantity":{{quantity}},"unit_price":{{price}}}]}""";

    private static Dictionary<string, (string Method, string Path, string? Body, (string, string)[] Headers)> Build()
    {
        var cases = new Dictionary<string, (string, string, string?, (string, string)[])>();
        var values = HostileInputCases.Values;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            var segment = ProductName.UrlSegment(v);
            var query = Uri.EscapeDataString(v);
            cases[$"POST guest_id #{i}"] = ("POST", "/orders", Order(guest: S(v)), []);
            cases[$"POST pickup_name #{i}"] = ("POST", "/orders", Order(pickup: S(v)), []);
            cases[$"POST product_name #{i}"] = ("POST", "/orders", Order(product: S(v)), []);
            cases[$"POST quantity as text #{i}"] = ("POST", "/orders", Order(quantity: S(v)), []);
            if (HostileInputCases.Sendable(v)) cases[$"POST Idempotency-Key #{i}"] = ("POST", "/orders", Order(quantity: "2"), [("Idempotency-Key", v)]);
            cases[$"GET guest path #{i}"] = ("GET", $"/guests/{segment}/orders", null, []);
            cases[$"GET order path #{i}"] = ("GET", $"/guests/{Guest}/orders/{segment}", null, []);
            cases[$"GET from #{i}"] = ("GET", $"/guests/{Guest}/orders?from={query}", null, []);
            cases[$"GET to #{i}"] = ("GET", $"/guests/{Guest}/orders?to={query}&from=2026-01-01", null, []);
            cases[$"GET status #{i}"] = ("GET", $"/guests/{Guest}/orders?status={query}", null, []);
            cases[$"GET cursor #{i}"] = ("GET", $"/guests/{Guest}/orders?cursor={query}", null, []);
            cases[$"GET limit #{i}"] = ("GET", $"/guests/{Guest}/orders?limit={query}", null, []);
            cases[$"GET queue cursor #{i}"] = ("GET", $"/kitchen/queue?cursor={query}&limit={query}", null, []);
            cases[$"PATCH status #{i}"] = ("PATCH", $"/guests/{Guest}/orders/{{order_id}}/status", $$"""{"status":{{S(v)}}}""", [("If-Match", "{etag}")]);
            cases[$"PATCH order path #{i}"] = ("PATCH", $"/guests/{segment}/orders/{segment}/status", """{"status":"preparing"}""", [("If-Match", "\"1\"")]);
            if (HostileInputCases.Sendable(v)) cases[$"PATCH If-Match #{i}"] = ("PATCH", $"/guests/{Guest}/orders/{{order_id}}/status", """{"status":"ready"}""", [("If-Match", v)]);
        }

        for (var i = 0; i < Quantities.Length; i++) cases[$"POST quantity #{i}"] = ("POST", "/orders", Order(quantity: Quantities[i]), []);
        for (var i = 0; i < HostileInputCases.Prices.Length; i++) cases[$"POST unit_price #{i}"] = ("POST", "/orders", Order(price: HostileInputCases.Prices[i]), []);

        cases["POST lines null"] = ("POST", "/orders", $$"""{"guest_id":"{{Guest}}","pickup_name":"H","lines":null}""", []);
        cases["POST lines an object"] = ("POST", "/orders", "{\"guest_id\":\"" + Guest + "\",\"pickup_name\":\"H\",\"lines\":{}}", []);
        cases["POST lines nested 200 deep"] = ("POST", "/orders", "{\"guest_id\":\"" + Guest + "\",\"pickup_name\":\"H\",\"lines\":" + new string('[', 200) + new string(']', 200) + "}", []);
        var line = Order()[(Order().IndexOf('[') + 1)..Order().LastIndexOf(']')];
        cases["POST 10,000 lines"] = ("POST", "/orders", Order().Replace(line, string.Join(',', Enumerable.Repeat(line, 10_000)), StringComparison.Ordinal), []);
        cases["POST total given"] = ("POST", "/orders", Order().TrimEnd('}') + ",\"total\":0}", []);
        cases["POST status given"] = ("POST", "/orders", Order().TrimEnd('}') + ",\"status\":\"collected\"}", []);
        cases["PATCH 101 ETags"] = ("PATCH", $"/guests/{Guest}/orders/{{order_id}}/status", """{"status":"preparing"}""",
            [("If-Match", string.Join(",", Enumerable.Range(100, 101).Select(n => $"\"{n}\"")))]);
        cases["PATCH placed to collected"] = ("PATCH", $"/guests/{Guest}/orders/{{order_id}}/status", """{"status":"collected"}""", [("If-Match", "{etag}")]);
        cases["GET guest cursor on the queue"] = ("GET", "/kitchen/queue?cursor={guest_cursor}", null, []);
        cases["GET queue cursor on a guest"] = ("GET", $"/guests/{Guest}/orders?cursor={{queue_cursor}}", null, []);
        cases["GET guest cursor for another guest"] = ("GET", "/guests/other-guest/orders?cursor={guest_cursor}", null, []);
        return cases;
    }

    [Fact]
    public void The_generated_suite_holds_at_least_400_requests() => Assert.InRange(Build().Count, 400, int.MaxValue);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_value_on_an_order_route_never_gets_a_500_and_only_a_placed_order_changes_the_tables(string name)
    {
        var (method, path, body, headers) = Build()[name];
        var api = fixture.Api;
        var ordersBefore = await Orders.RawOrdersTableAsync(api);
        var menuBefore = await RawTable.ScanAsync(api);
        using var client = api.CreateClient();
        var target = Fill(path);
        using var request = new HttpRequestMessage(new HttpMethod(method),
            new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        foreach (var (header, value) in headers) request.Headers.TryAddWithoutValidation(header, Fill(value));

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {text}");
        var ordersAfter = await Orders.RawOrdersTableAsync(api);
        Assert.Equal(menuBefore, await RawTable.ScanAsync(api));
        if (target.Contains("%00", StringComparison.Ordinal) || target.Length > 8 * 1024)
        {
            // Kestrel refuses a NUL in the path (400) and a request line over 8 KB (414) before any middleware runs.
            Assert.Contains((int)response.StatusCode, new[] { 400, 414 });
            Assert.Equal(ordersBefore, ordersAfter);
            return;
        }

        if (!response.IsSuccessStatusCode) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (!response.IsSuccessStatusCode || method == "GET")
        {
            Assert.Equal(ordersBefore, ordersAfter);
            return;
        }

        // A 2xx can only be a placed order (no hostile value is a status step): it is stored as answered, and nothing else changed.
        Assert.Equal("POST", method);
        using var json = JsonDocument.Parse(text);
        var answered = json.RootElement;
        var orderId = answered.GetProperty("order_id").GetString()!;
        var guest = answered.GetProperty("guest_id").GetString()!;
        var stored = (await Orders.RawOrderAsync(api, guest, orderId))!;
        Assert.Equal(answered.GetProperty("total").GetDecimal(), decimal.Parse(stored["total"].N, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(answered.GetProperty("pickup_name").GetString(), stored["pickup_name"].S);
        Assert.Equal(answered.GetProperty("lines")[0].GetProperty("quantity").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            stored["lines"].L[0].M["quantity"].N);
        Assert.Equal(ordersBefore.Count + 1, ordersAfter.Count);
        Assert.All(ordersBefore, item => Assert.Contains(item, ordersAfter));
        using var dynamo = fixture.Dynamo.CreateClient();
        await dynamo.DeleteItemAsync(api.OrdersTableName, OrderMapper.Key(guest, orderId));
    }

    private string Fill(string text) =>
        fixture.Values.Aggregate(text, (current, value) => current.Replace($"{{{value.Key}}}", value.Value, StringComparison.Ordinal));
}
