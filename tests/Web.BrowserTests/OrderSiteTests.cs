using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CafeMenu.Menu;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CafeMenu.Web.BrowserTests;

/// <summary>Ordering in Chromium against the real Api and DynamoDB Local: the guest's basket and order page, and the kitchen board.</summary>
[Collection(CafeCollection.Name)]
public sealed class OrderSiteTests(CafeFixture cafe) : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    private readonly List<IPage> _pages = [];
    private readonly List<string> _created = [];

    [Fact]
    public async Task A_guest_orders_two_items_and_sees_the_kitchen_advance_it_without_reloading()
    {
        var pickup = UniqueName("Ada");
        var kitchen = await OpenAsync("/kitchen");
        var kitchenProblems = PageProblems.Watch(kitchen);
        var guest = await OpenAsync("/order");
        var guestProblems = PageProblems.Watch(guest);

        await AddAsync(guest, "Espresso");
        await AddAsync(guest, "Butter Croissant");
        await AddAsync(guest, "Espresso");
        var basket = guest.Locator(".basket");
        await Expect(basket.Locator(".basket-line[data-product='Espresso'] .quantity")).ToHaveTextAsync("2");
        await Expect(basket.Locator(".basket-total")).ToHaveTextAsync("€6.40"); // 2 × 2.10 + 2.20, exactly
        await guest.GetByLabel("Name for pickup").FillAsync(pickup);
        await Screenshots.SaveAsync(guest, "order-basket");
        await guest.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Place order") }).ClickAsync();

        await Expect(guest).ToHaveURLAsync(new Regex(@"/my-orders/order\?id=.+&placed=true$"));
        var tracker = guest.Locator(".order-tracker");
        await Expect(tracker.Locator(".pickup-name")).ToHaveTextAsync(pickup);
        await Expect(tracker.Locator(".order-status")).ToHaveTextAsync("Placed");
        await Expect(tracker.Locator(".order-lines [data-product='Espresso'] .quantity")).ToHaveTextAsync("2");
        await Expect(tracker.Locator(".order-total")).ToHaveTextAsync("€6.40");
        // Set in this document only: a reload would lose it.
        await guest.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        // The open board shows the new order by itself.
        var card = kitchen.Locator(".kitchen-order", new() { HasText = pickup });
        await Expect(card.Locator(".order-status")).ToHaveTextAsync("Placed");
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Start preparing") }).ClickAsync();
        await Expect(card.Locator(".order-status")).ToHaveTextAsync("Being prepared");
        await Expect(tracker.Locator(".order-status")).ToHaveTextAsync("Being prepared");

        await card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mark ready") }).ClickAsync();
        await Expect(tracker.Locator(".order-status")).ToHaveTextAsync("Ready to collect");
        await Expect(tracker.Locator(".status-text")).ToHaveTextAsync("Your order is ready: collect it at the counter.");
        await Screenshots.SaveAsync(kitchen, "kitchen");
        await Screenshots.SaveAsync(guest, "order-tracking");
        await card.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Mark collected") }).ClickAsync();
        await Expect(kitchen.Locator(".kitchen-order", new() { HasText = pickup })).ToHaveCountAsync(0);
        await Expect(tracker.Locator(".order-status")).ToHaveTextAsync("Collected");
        Assert.True(await guest.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The guest's page was reloaded.");

        // The guest's own orders of today list it.
        await guest.GetByRole(AriaRole.Link, new() { Name = "All your orders" }).ClickAsync();
        var listed = guest.Locator(".my-order", new() { HasText = "1 × Butter Croissant" });
        await Expect(listed.Locator(".order-status")).ToHaveTextAsync("Collected");
        await Expect(listed.Locator(".price")).ToHaveTextAsync("€6.40");

        guestProblems.AssertNone("the guest's pages");
        kitchenProblems.AssertNone("the kitchen board");
    }

    [Fact]
    public async Task A_second_board_moving_the_same_order_is_told_someone_else_moved_it_and_shows_its_state()
    {
        var pickup = UniqueName("Grace");
        var order = await PlaceViaApiAsync("board-race-" + Guid.NewGuid().ToString("N")[..8], pickup);
        // Boards that never refresh by themselves: the second must still show the order as placed when its staff member clicks.
        await using var web = await cafe.StartWebAsync(new Dictionary<string, string> { ["Ordering__KitchenRefresh"] = "01:00:00" });
        var first = await OpenAsync(web.Url + "/kitchen");
        var second = await OpenAsync(web.Url + "/kitchen");
        var secondProblems = PageProblems.Watch(second);
        var firstCard = first.Locator(".kitchen-order", new() { HasText = pickup });
        var secondCard = second.Locator(".kitchen-order", new() { HasText = pickup });
        await Expect(firstCard.Locator(".order-status")).ToHaveTextAsync("Placed");
        await Expect(secondCard.Locator(".order-status")).ToHaveTextAsync("Placed");

        await firstCard.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Start preparing") }).ClickAsync();
        await Expect(firstCard.Locator(".order-status")).ToHaveTextAsync("Being prepared");
        await secondCard.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Start preparing") }).ClickAsync();

        await Expect(second.Locator(".board-message")).ToContainTextAsync(
            $"The order for {pickup} ({ShortId(order.OrderId)}) was moved by someone else first: it is now being prepared. Nothing was changed; choose the next step again.");
        await Expect(secondCard.Locator(".order-status")).ToHaveTextAsync("Being prepared");
        await Expect(secondCard.Locator(".order-note")).ToContainTextAsync("moved by someone else");
        await Expect(secondCard.GetByRole(AriaRole.Button)).ToHaveTextAsync([new Regex("^Mark ready")]);
        await Screenshots.SaveAsync(second, "kitchen-moved-by-someone-else");
        var stored = await GetViaApiAsync(order);
        Assert.Equal((OrderStatus.Preparing, 2L), (stored.Status, stored.Version));
        secondProblems.AssertNone("the second board");
    }

    [Fact]
    public async Task A_price_changed_meanwhile_is_shown_on_its_line_and_the_guest_accepts_it_and_orders_once()
    {
        var product = await CreateItemViaApiAsync("Price Scone", 2.50m);
        var pickup = UniqueName("Lin");
        var guest = await OpenAsync("/order");
        var problems = PageProblems.Watch(guest);
        await AddAsync(guest, product);
        await AddAsync(guest, "Espresso");
        await guest.GetByLabel("Name for pickup").FillAsync(pickup);

        await ChangePriceViaApiAsync(product, 2.70m);
        await guest.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Place order") }).ClickAsync();

        var line = guest.Locator($".basket-line[data-product='{product}']");
        await Expect(line.Locator(".refusal")).ToContainTextAsync("The price changed from €2.50 to €2.70.");
        await Expect(guest.Locator(".basket .alert-danger")).ToContainTextAsync("Nothing was ordered");
        await Expect(guest.Locator(".basket-line[data-product='Espresso'] .refusal")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(guest, "order-price-changed");

        await line.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Accept €2.70") }).ClickAsync();
        await Expect(line.Locator(".refusal")).ToHaveCountAsync(0);
        await Expect(guest.Locator(".basket-total")).ToHaveTextAsync("€4.80");
        // A double click places one order: the second click finds the first on its way (and would carry the same key).
        await guest.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Place order") }).DblClickAsync();

        await Expect(guest.Locator(".order-tracker .order-total")).ToHaveTextAsync("€4.80");
        var orders = await GuestOrdersViaApiAsync(await GuestIdAsync(guest));
        var placed = Assert.Single(orders);
        Assert.Equal(2.70m, placed.Lines.Single(l => l.ProductName == product).UnitPrice);
        problems.AssertNone("the order pages");
    }

    [Fact]
    public async Task The_guest_cookie_is_http_only_and_same_site_strict()
    {
        var page = await OpenAsync("/my-orders");
        await Expect(page.Locator(".no-orders")).ToHaveTextAsync("No orders on these days.");

        var cookie = (await page.Context.CookiesAsync()).Single(c => c.Name == "cafemenu-guest");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, cookie.SameSite);
        Assert.Matches("^[0-9a-f]{32}$", cookie.Value);
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_explained()
    {
        var page = await OpenAsync("/my-orders");
        await page.GetByLabel("From (UTC day)").FillAsync("2026-11-23");
        await page.GetByLabel("To (UTC day)").FillAsync("2026-11-20");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();

        await Expect(page.Locator(".range-problem")).ToHaveTextAsync("The last day comes before the first day: swap them or pick another range.");
    }

    [Fact]
    public async Task The_order_page_and_the_kitchen_board_work_at_phone_width()
    {
        foreach (var path in new[] { "/order", "/kitchen", "/my-orders" })
        {
            var page = await cafe.NewPageAsync(width: 390, height: 844);
            _pages.Add(page);
            await page.GotoAsync(path);
            await page.Locator(".page[data-interactive='true']").WaitForAsync();
            await Expect(page.Locator(".loading, [role=status] .spinner-border")).ToHaveCountAsync(0);

            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), $"{path} scrolls sideways at 390 px.");
        }
    }

    private static string UniqueName(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..6]}";

    private static string ShortId(string orderId) => "#" + orderId[(orderId.IndexOf('#') + 1)..][..6];

    private static async Task AddAsync(IPage page, string product) =>
        await page.Locator($".menu-group [data-product='{product}'] .add-to-basket").ClickAsync();

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await cafe.NewPageAsync();
        _pages.Add(page);
        await page.GotoAsync(path);
        await page.Locator(".page[data-interactive='true']").WaitForAsync();
        return page;
    }

    private static async Task<string> GuestIdAsync(IPage page) =>
        (await page.Context.CookiesAsync()).Single(c => c.Name == "cafemenu-guest").Value;

    private async Task<Order> PlaceViaApiAsync(string guestId, string pickup)
    {
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync($"{cafe.ApiUrl}/orders", new
        {
            guest_id = guestId,
            pickup_name = pickup,
            lines = new[] { new { product_name = SeedMenu.FlatWhite.ProductName, quantity = 1, unit_price = SeedMenu.FlatWhite.Price } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /orders answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Order>(Json))!;
    }

    private async Task<Order> GetViaApiAsync(Order order)
    {
        using var http = new HttpClient();
        return (await http.GetFromJsonAsync<Order>($"{cafe.ApiUrl}/guests/{order.GuestId}/orders/{OrderId.UrlSegment(order.OrderId)}", Json))!;
    }

    private async Task<List<Order>> GuestOrdersViaApiAsync(string guestId)
    {
        using var http = new HttpClient();
        using var page = JsonDocument.Parse(await http.GetStringAsync($"{cafe.ApiUrl}/guests/{guestId}/orders"));
        return page.RootElement.GetProperty("items").Deserialize<List<Order>>(Json)!;
    }

    private async Task<string> CreateItemViaApiAsync(string prefix, decimal price)
    {
        var name = UniqueName(prefix);
        _created.Add(name);
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync($"{cafe.ApiUrl}/menu", new { product_name = name, price, product_group = "Tests", tags = Array.Empty<string>() });
        Assert.True(response.IsSuccessStatusCode, $"POST /menu answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return name;
    }

    /// <summary>Someone on the staff changes the price after the guest put the item in the basket.</summary>
    private async Task ChangePriceViaApiAsync(string name, decimal price)
    {
        using var http = new HttpClient();
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"{cafe.ApiUrl}/menu/{Uri.EscapeDataString(name)}") { Content = JsonContent.Create(new { price }) };
        patch.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        var patched = await http.SendAsync(patch);
        Assert.True(patched.IsSuccessStatusCode, $"PATCH answered {(int)patched.StatusCode}");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in _pages) await page.Context.CloseAsync();
        foreach (var name in _created) await cafe.DeleteItemAsync(name);
    }
}
