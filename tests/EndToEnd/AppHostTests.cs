using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CafeMenu.Menu;
using CafeMenu.TestSupport;
using Microsoft.Playwright;

namespace CafeMenu.EndToEnd;

/// <summary>The AppHost on Aspire.Hosting.Testing: every resource comes up, and each answers as a user sees it.</summary>
[Collection(CafeAppCollection.Name)]
public sealed class AppHostTests(CafeAppFixture cafe)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_resource_is_healthy_and_both_loaders_finished_with_code_0()
    {
        foreach (var name in CafeAppFixture.HealthyResources)
        {
            var snapshot = await cafe.WaitForAsync(name, s => s.HealthStatus is not null, Timeout);
            Assert.Equal((KnownResourceStates.Running, "Healthy"), (snapshot.State?.Text, snapshot.HealthStatus?.ToString()));
        }

        foreach (var name in CafeAppFixture.Loaders)
        {
            var loader = await cafe.WaitForEndAsync(name, Timeout);
            Assert.Equal((name, KnownResourceStates.Finished, 0), (name, loader.State?.Text, loader.ExitCode));
        }
    }

    [Fact]
    public async Task The_kitchen_queue_on_the_api_holds_the_open_seed_orders_oldest_first()
    {
        // The orders-loader starts once the Web is healthy, so the queue holds the seed orders once it finished.
        var ordersLoader = await cafe.WaitForEndAsync("orders-loader", Timeout);
        Assert.Equal(0, ordersLoader.ExitCode);
        using var http = cafe.App.CreateHttpClient("api");

        using var response = await http.GetAsync("/kitchen/queue?limit=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var queue = body.RootElement.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("order_id").GetString()!).ToList();
        Assert.NotEmpty(queue);
        Assert.NotEmpty(SeedOrdersFile.OpenOrderIds);
        Assert.Equal(SeedOrdersFile.OpenOrderIds, queue.Where(SeedOrdersFile.OpenOrderIds.Contains));
    }

    [Fact]
    public async Task The_api_client_from_the_app_model_gets_the_seeded_specials()
    {
        using var http = cafe.App.CreateHttpClient("api");

        using var response = await http.GetAsync("/menu/specials?limit=100");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var names = body.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("product_name").GetString() ?? "").Order().ToList();
        var expected = SeedMenuFile.Items.Where(i => i.IsSpecial && !i.IsOutOfStock).Select(i => i.ProductName).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task The_menu_page_lists_the_seeded_menu_with_its_prices()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);

        await MenuPageChecks.AssertPrerenderedMenuAsync(browser, cafe.App.GetEndpoint("web").ToString().TrimEnd('/'));
    }

    [Fact]
    public async Task In_a_browser_the_menu_site_loads_its_styles_and_scripts_and_no_request_fails_or_reaches_the_error_page()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync();
        var responses = new List<(int Status, string Url)>();
        page.Response += (_, response) => { lock (responses) responses.Add((response.Status, response.Url)); };
        var console = new List<string>();
        page.Console += (_, message) => { lock (console) console.Add($"{message.Type}: {message.Text}"); };

        var document = await page.GotoAsync(cafe.App.GetEndpoint("web").ToString(), new() { WaitUntil = WaitUntilState.NetworkIdle });
        await Assertions.Expect(page.Locator("section[aria-label='The whole menu'] li.menu-item").First).ToBeVisibleAsync();

        List<(int Status, string Url)> seen;
        lock (responses) seen = [.. responses];
        Assert.DoesNotContain(seen, r => r.Status >= 400);
        Assert.DoesNotContain(seen, r => r.Url.Contains("/error", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(seen, r => r.Status == 200 && r.Url.Contains("bootstrap", StringComparison.Ordinal) && r.Url.Contains(".css", StringComparison.Ordinal));
        Assert.Contains(seen, r => r.Status == 200 && r.Url.Contains("blazor.web", StringComparison.Ordinal));
        // Interactive server rendering: the script negotiated a circuit with the server.
        Assert.Contains(seen, r => r.Status == 200 && r.Url.Contains("_blazor/negotiate", StringComparison.Ordinal));
        // The stylesheets applied: Bootstrap makes the navbar a flex box (a block without it), app.css colours it.
        Assert.Equal("flex", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('nav.navbar')).display"));
        Assert.NotEqual("rgba(0, 0, 0, 0)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('nav.navbar')).backgroundColor"));

        // The site's security headers, and a page that works under its Content-Security-Policy: nothing was blocked.
        var headers = await document!.AllHeadersAsync();
        Assert.Contains("default-src 'self'", headers.GetValueOrDefault("content-security-policy", ""), StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.GetValueOrDefault("x-content-type-options"));
        Assert.False(string.IsNullOrEmpty(headers.GetValueOrDefault("referrer-policy")), "no Referrer-Policy");
        Assert.False(headers.ContainsKey("server"), $"a Server header: {headers.GetValueOrDefault("server")}");
        lock (console) Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Dynamodb_admin_lists_the_FoodProducts_table()
    {
        using var http = cafe.App.CreateHttpClient("dynamodb-admin");

        using var response = await http.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(MenuTable.DefaultName, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reset_command_puts_the_table_back_to_exactly_the_seed()
    {
        using var api = cafe.App.CreateHttpClient("api");
        var seeded = SeedMenuFile.Items[0];
        var added = $"Reset probe {Guid.NewGuid():N}";
        using (var created = await api.PostAsJsonAsync("/menu", new Dictionary<string, object>
               {
                   ["product_name"] = added, ["price"] = 1.25m, ["product_group"] = "probe",
               }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using (var changed = new HttpRequestMessage(HttpMethod.Patch, $"/menu/{Uri.EscapeDataString(seeded.ProductName)}")
               {
                   Content = JsonContent.Create(new Dictionary<string, object> { ["price"] = seeded.Price + 100m }),
               })
        {
            changed.Headers.TryAddWithoutValidation("If-Match", "*");
            using var response = await api.SendAsync(changed);
            Assert.True(response.IsSuccessStatusCode, $"PATCH answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        using var client = DynamoDBClient();
        Assert.Contains(added, await KeysAsync(client));

        var result = await cafe.App.ResourceCommands.ExecuteCommandAsync(cafe.Resource("dynamodb"), "reset-menu");

        Assert.True(result.Success, result.Message);
        var keys = await KeysAsync(client);
        Assert.Equal(SeedMenuFile.Items.Select(i => i.ProductName).Order(StringComparer.Ordinal), keys.Order(StringComparer.Ordinal));
        var restored = await client.GetItemAsync(MenuTable.DefaultName, new() { ["product_name"] = new AttributeValue { S = seeded.ProductName } });
        Assert.Equal(seeded.Price, decimal.Parse(restored.Item["price"].N, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_reset_orders_command_puts_the_orders_back_to_exactly_the_seed()
    {
        Assert.Equal(0, (await cafe.WaitForEndAsync("orders-loader", Timeout)).ExitCode);
        using var api = cafe.App.CreateHttpClient("api");
        var product = SeedMenuFile.Items.Last(i => !i.IsOutOfStock);
        using (var placed = await api.PostAsJsonAsync("/orders", new Dictionary<string, object>
               {
                   ["guest_id"] = "reset-probe", ["pickup_name"] = "Probe",
                   ["lines"] = new[] { new Dictionary<string, object> { ["product_name"] = product.ProductName, ["quantity"] = 1, ["unit_price"] = product.Price } },
               }))
        {
            Assert.True(placed.StatusCode == HttpStatusCode.Created, $"POST /orders answered {(int)placed.StatusCode}: {await placed.Content.ReadAsStringAsync()}");
        }

        var moved = SeedOrdersFile.Orders.First(o => o.Status == OrderStatus.Placed);
        using (var step = new HttpRequestMessage(HttpMethod.Patch, $"/guests/{moved.GuestId}/orders/{OrderId.UrlSegment(moved.OrderId)}/status")
               {
                   Content = JsonContent.Create(new Dictionary<string, string> { ["status"] = OrderStatus.Preparing }),
               })
        {
            step.Headers.TryAddWithoutValidation("If-Match", $"\"{moved.Version}\"");
            using var response = await api.SendAsync(step);
            Assert.True(response.IsSuccessStatusCode, $"PATCH answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var result = await cafe.App.ResourceCommands.ExecuteCommandAsync(cafe.Resource("dynamodb"), "reset-orders");

        Assert.True(result.Success, result.Message);
        using var client = DynamoDBClient();
        var items = await ScanAsync(client, OrdersTable.DefaultName);
        Assert.Equal(
            SeedOrdersFile.Orders.Select(o => $"{o.GuestId} {o.OrderId} {o.Status} {o.Version}").Order(StringComparer.Ordinal),
            items.Select(i => $"{i[OrdersTable.Attributes.GuestId].S} {i[OrdersTable.Attributes.OrderId].S} {i[OrdersTable.Attributes.Status].S} {i[OrdersTable.Attributes.Version].N}").Order(StringComparer.Ordinal));
    }

    private AmazonDynamoDBClient DynamoDBClient() => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = cafe.App.GetEndpoint("dynamodb").ToString(), AuthenticationRegion = "us-east-1" });

    /// <summary>Every key in the menu table, read raw.</summary>
    private static async Task<List<string>> KeysAsync(AmazonDynamoDBClient client) =>
        (await ScanAsync(client, MenuTable.DefaultName)).Select(i => i["product_name"].S).ToList();

    /// <summary>Every item of <paramref name="table"/>, read raw with a paginated, strongly consistent Scan.</summary>
    private static async Task<List<Dictionary<string, AttributeValue>>> ScanAsync(AmazonDynamoDBClient client, string table)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await client.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start, ConsistentRead = true });
            items.AddRange(page.Items);
            start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null);
        return items;
    }
}
