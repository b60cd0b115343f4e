using System.Net.Http.Json;
using System.Text.Json;
using CafeMenu.Menu;
using CafeMenu.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CafeMenu.Web.BrowserTests;

[Collection(CafeCollection.Name)]
public sealed class MenuSiteTests(CafeFixture cafe) : IAsyncLifetime
{
    private readonly List<IPage> _pages = [];
    private readonly List<string> _created = [];

    [Fact]
    public async Task The_menu_shows_the_seeded_items_grouped_with_their_prices()
    {
        var page = await OpenAsync("/");

        var coffee = page.Locator("section.menu-group", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Coffee", Exact = true }) });
        await Expect(coffee.Locator("[data-product='Espresso'] .price")).ToHaveTextAsync("€2.10");
        await Expect(coffee.Locator("[data-product='Flat White'] .price")).ToHaveTextAsync("€3.40");
        await Expect(coffee.Locator("[data-product='Flat White'] .tag")).ToHaveTextAsync(["hot", "milk"]);
        var tart = page.Locator("section.menu-group [data-product='Lemon Tart']");
        await Expect(tart).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("out-of-stock"));
        await Expect(tart).ToContainTextAsync("Out of stock");
        await Expect(page.Locator("section.menu-group [data-product='Cinnamon Bun']")).ToContainTextAsync("On special");
        await Screenshots.SaveAsync(page, "menu");
    }

    [Fact]
    public async Task The_specials_leave_out_the_out_of_stock_special()
    {
        var page = await OpenAsync("/specials");

        var specials = page.Locator(".specials-list");
        await Expect(specials.Locator("[data-product='Cinnamon Bun']")).ToBeVisibleAsync();
        await Expect(specials.Locator("[data-product='Iced Peach Tea'] .price")).ToHaveTextAsync("€2.95");
        await Expect(specials.Locator("[data-product='Lemon Tart']")).ToHaveCountAsync(0);
        await Expect(specials.Locator("[data-product='Espresso']")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "specials");
    }

    [Fact]
    public async Task Searching_puts_the_filter_in_the_url()
    {
        var page = await OpenAsync("/");

        await page.GetByLabel("Search name or description").FillAsync("velvety");
        await page.GetByLabel("Tag").FillAsync("milk");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();

        // Blazor changes the URL with pushState: no load event, so poll the URL instead of waiting for a navigation.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?q=velvety&tag=milk$"));
        await Expect(page.Locator("section.menu-group .product-name")).ToHaveTextAsync(["Flat White"]);

        var shared = await OpenAsync(new Uri(page.Url).PathAndQuery);
        await Expect(shared.Locator("section.menu-group .product-name")).ToHaveTextAsync(["Flat White"]);
    }

    [Fact]
    public async Task An_added_item_is_listed_and_adding_it_again_says_it_exists()
    {
        var name = $"House Blend {Guid.NewGuid():N}"[..20];
        _created.Add(name);
        var page = await OpenAsync("/manage/add");

        await FillNewItemAsync(page, name, "3.25", "Coffee", "hot, house");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        await Expect(page.Locator(".alert-success")).ToContainTextAsync($"Added {name}");

        var menu = await OpenAsync("/?q=" + Uri.EscapeDataString(name));
        await Expect(menu.Locator($"section.menu-group [data-product='{name}'] .price")).ToHaveTextAsync("€3.25");

        await FillNewItemAsync(page, name, "9.99", "Coffee", "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();
        var duplicate = page.Locator(".duplicate-message");
        await Expect(duplicate).ToContainTextAsync("A product with this name already exists");
        await Expect(duplicate.GetByRole(AriaRole.Link, new() { Name = name })).ToHaveAttributeAsync("href", "manage/edit?name=" + Uri.EscapeDataString(name));
        Assert.Equal(3.25m, (await GetFromApiAsync(name)).Price);
    }

    [Fact]
    public async Task The_add_form_shows_errors_next_to_the_fields()
    {
        var page = await OpenAsync("/manage/add");

        await FillNewItemAsync(page, " ", "4.999", "Coffee", "");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add item" }).ClickAsync();

        await Expect(page.Locator("#item-name ~ .validation-message")).ToContainTextAsync("product_name is required");
        await Expect(page.Locator("#item-price ~ .validation-message")).ToContainTextAsync("at most 2 decimal places");
        await Expect(page.GetByLabel("Name")).ToHaveAttributeAsync("aria-invalid", "true");
        await Screenshots.SaveAsync(page, "add-form-errors");
    }

    [Fact]
    public async Task Editing_in_two_tabs_shows_the_conflict_in_the_second_and_overwrites_nothing()
    {
        var name = await CreateViaApiAsync("Conflict Scone", 2.50m);
        var first = await OpenAsync("/manage/edit?name=" + Uri.EscapeDataString(name));
        var second = await OpenAsync("/manage/edit?name=" + Uri.EscapeDataString(name));
        await Expect(first.Locator("#item-price")).ToHaveValueAsync("2.50");
        await Expect(second.Locator("#item-price")).ToHaveValueAsync("2.50");

        await first.Locator("#item-price").FillAsync("2.60");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(first.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");

        await second.Locator("#item-price").FillAsync("2.75");
        await second.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        var conflict = second.Locator(".conflict-message");
        await Expect(conflict).ToContainTextAsync("changed by someone else");
        await Screenshots.SaveAsync(second, "edit-conflict");
        Assert.Equal(2.60m, (await GetFromApiAsync(name)).Price);

        await conflict.GetByRole(AriaRole.Button, new() { Name = "Reload the latest version" }).ClickAsync();
        await Expect(second.Locator("#item-price")).ToHaveValueAsync("2.60");
        await Expect(second.Locator(".conflict-message")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Toggling_special_changes_the_specials()
    {
        var name = await CreateViaApiAsync("Toggle Muffin", 2.20m);
        var specials = await OpenAsync("/specials");
        await Expect(specials.Locator(".specials-list [data-product='Cinnamon Bun']")).ToBeVisibleAsync();
        await Expect(specials.Locator($"[data-product='{name}']")).ToHaveCountAsync(0);

        var manage = await OpenAsync("/manage/edit?name=" + Uri.EscapeDataString(name));
        await manage.GetByRole(AriaRole.Button, new() { Name = "Put on special" }).ClickAsync();
        await Expect(manage.GetByRole(AriaRole.Status)).ToContainTextAsync($"{name} is now on special.");

        await specials.ReloadAsync();
        await Expect(specials.Locator($".specials-list [data-product='{name}']")).ToBeVisibleAsync();

        await manage.GetByRole(AriaRole.Button, new() { Name = "On special" }).ClickAsync();
        await Expect(manage.GetByRole(AriaRole.Status)).ToContainTextAsync($"{name} is no longer on special.");
        await specials.ReloadAsync();
        await Expect(specials.Locator(".specials-list [data-product='Cinnamon Bun']")).ToBeVisibleAsync();
        await Expect(specials.Locator($"[data-product='{name}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Deleting_asks_for_confirmation_then_removes_the_item()
    {
        var name = await CreateViaApiAsync("Delete Biscotti", 1.50m);
        var page = await OpenAsync("/manage/edit?name=" + Uri.EscapeDataString(name));

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Alertdialog);
        await Expect(dialog).ToContainTextAsync($"Delete {name}?");
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/manage\?deleted="));
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Deleted {name}." })).ToBeVisibleAsync();
        await Expect(page.Locator(".manage-grid tbody tr")).Not.ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "manage");
        using var http = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync($"{cafe.ApiUrl}/menu/{Uri.EscapeDataString(name)}")).StatusCode);
    }

    [Fact]
    public async Task Deleting_from_the_list_an_item_changed_meanwhile_deletes_nothing_and_shows_the_change()
    {
        var name = await CreateViaApiAsync("Stale Delete", 1.80m);
        var page = await OpenAsync("/manage");
        var row = page.Locator(".manage-grid tbody tr", new() { HasText = name });
        await Expect(row).ToContainTextAsync("€1.80");

        // Someone else changes the price after the list was loaded.
        using (var http = new HttpClient())
        {
            var patch = new HttpRequestMessage(HttpMethod.Patch, $"{cafe.ApiUrl}/menu/{Uri.EscapeDataString(name)}")
            {
                Content = JsonContent.Create(new { price = 1.95m }),
            };
            patch.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            var patched = await http.SendAsync(patch);
            Assert.True(patched.IsSuccessStatusCode, $"PATCH answered {(int)patched.StatusCode}");
        }

        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Alertdialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"{name} was changed by someone else");
        await Expect(row).ToContainTextAsync("€1.95");
        Assert.Equal(1.95m, (await GetFromApiAsync(name)).Price);
    }

    [Fact]
    public async Task Deleting_A_percent_2F_B_from_the_list_deletes_that_item_and_leaves_A_slash_B()
    {
        // "A%2FB" is a name of its own; a URL decoded twice would reach "A/B" instead.
        var id = Guid.NewGuid().ToString("N")[..8];
        var slash = $"A/B {id}";
        var encoded = $"A%2FB {id}";
        await CreateNamedViaApiAsync(slash, 1.10m);
        await CreateNamedViaApiAsync(encoded, 2.20m);
        var page = await OpenAsync("/manage");
        var row = page.Locator(".manage-grid tbody tr", new() { HasText = encoded });
        await Expect(row).ToContainTextAsync("€2.20");

        await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {encoded}" }).ClickAsync();
        await page.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Deleted {encoded}." })).ToBeVisibleAsync();
        using var http = new HttpClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync($"{cafe.ApiUrl}/menu/{Uri.EscapeDataString(encoded)}")).StatusCode);
        Assert.Equal(1.10m, (await GetFromApiAsync(slash)).Price);
    }

    [Fact]
    public async Task Every_name_of_the_set_is_opened_edited_and_deleted_from_the_manage_list_touching_no_other_item()
    {
        foreach (var name in AddressNames.All) await CreateNamedViaApiAsync(name, 1.00m);

        foreach (var name in AddressNames.All)
        {
            var before = await cafe.ScanMenuAsync();
            var page = await OpenAsync("/manage");
            await (await EditLinkAsync(page, name)).ClickAsync();
            await Expect(page.Locator("h1 .product-name")).ToHaveTextAsync(name);
            await Expect(page.Locator("#item-price")).ToHaveValueAsync("1.00");
            await page.Locator("#item-price").FillAsync("7.25");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
            var edited = await cafe.ScanMenuAsync();
            Assert.Contains("price=N:7.25;", edited[name], StringComparison.Ordinal);
            Assert.Equal(before.Where(i => i.Key != name), edited.Where(i => i.Key != name));

            await GotoAsync(page, "/manage");
            var row = page.Locator(".manage-grid tbody tr").Filter(new() { Has = await EditLinkAsync(page, name) });
            await row.GetByRole(AriaRole.Button, new() { Name = $"Delete {name}", Exact = true }).ClickAsync();
            await page.GetByRole(AriaRole.Alertdialog).GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"Deleted {name}." })).ToBeVisibleAsync();
            var after = await cafe.ScanMenuAsync();
            Assert.False(after.ContainsKey(name), $"{name} is still stored");
            Assert.Equal(before.Where(i => i.Key != name), after);
            await page.Context.CloseAsync();
            _pages.Remove(page);
        }
    }

    [Fact]
    public async Task A_product_named_like_a_script_is_shown_as_text()
    {
        await CreateNamedViaApiAsync(XssName, 1.00m, "<img src=x onerror=alert(2)>", ["<b>tag</b>"]);
        var dialogs = 0;
        var page = await NewPageAsync();
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };
        await GotoAsync(page, "/?q=" + Uri.EscapeDataString("<script>"));

        var entry = page.Locator("section.menu-group li.menu-item").First;
        await Expect(entry.Locator(".product-name")).ToHaveTextAsync(XssName);
        await Expect(entry.Locator(".description")).ToHaveTextAsync("<img src=x onerror=alert(2)>");
        await Expect(entry.Locator(".tag")).ToHaveTextAsync("<b>tag</b>");
        Assert.Equal(0, await page.Locator("main script, main img, main b").CountAsync());

        await GotoAsync(page, "/manage/edit?name=" + Uri.EscapeDataString(XssName));
        await Expect(page.Locator("h1 .product-name")).ToHaveTextAsync(XssName);
        Assert.Equal(0, await page.Locator("main script, main img").CountAsync());
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task A_product_whose_name_holds_a_slash_can_be_edited()
    {
        const string name = "Half/Half Latte";
        await CreateNamedViaApiAsync(name, 3.30m);
        using (var http = new HttpClient())
        {
            // The Web sends the name as one escaped path segment (%2F); the Api must read it back as the name.
            var direct = await http.GetAsync($"{cafe.ApiUrl}/menu/{Uri.EscapeDataString(name)}");
            Assert.True(direct.IsSuccessStatusCode, $"GET /menu/{Uri.EscapeDataString(name)} answered {(int)direct.StatusCode}: the Api does not decode %2F in product_name.");
        }

        var page = await OpenAsync("/manage/edit?name=" + Uri.EscapeDataString(name));
        await Expect(page.Locator("#item-price")).ToHaveValueAsync("3.30");
        await page.Locator("#item-price").FillAsync("3.35");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        Assert.Equal(3.35m, (await GetFromApiAsync(name)).Price);
    }

    [Fact]
    public async Task Without_the_Api_the_menu_says_so_and_offers_a_retry()
    {
        // A second Web whose Api address points at a port nobody listens on.
        await using var lonelyWeb = await AppProcess.StartAsync("Web", "CafeMenu.Web", TestSupport.FreePort.Next(), new Dictionary<string, string>
        {
            ["services__api__http__0"] = $"http://127.0.0.1:{TestSupport.FreePort.Next()}",
        });
        var page = await NewPageAsync();
        await page.GotoAsync(lonelyWeb.Url + "/");
        await page.Locator(".page[data-interactive='true']").WaitForAsync();

        var notice = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "The menu is not available right now." });
        await Expect(notice).ToHaveCountAsync(2); // the specials section and the menu each offer their own retry
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Menu", Exact = true })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "api-down");

        await notice.Last.GetByRole(AriaRole.Button, new() { Name = "Try again" }).ClickAsync();
        await Expect(notice).ToHaveCountAsync(2);
        await Expect(page.Locator("section.menu-group")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_pages_work_at_phone_width()
    {
        var page = await NewPageAsync(width: 390, height: 844);
        await GotoAsync(page, "/");

        await Expect(page.Locator("section.menu-group [data-product='Espresso'] .price")).ToHaveTextAsync("€2.10");
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The menu page scrolls sideways at 390 px.");
        await Screenshots.SaveAsync(page, "menu-phone");

        await GotoAsync(page, "/manage/add");
        await Expect(page.GetByLabel("Price (EUR)")).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"), "The add form scrolls sideways at 390 px.");
    }

    private async Task<IPage> OpenAsync(string path)
    {
        var page = await NewPageAsync();
        await GotoAsync(page, path);
        return page;
    }

    private async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var page = await cafe.NewPageAsync(width, height);
        _pages.Add(page);
        return page;
    }

    /// <summary>The manage list's Edit link of <paramref name="productName"/>, loading further pages until it is listed.</summary>
    private static async Task<ILocator> EditLinkAsync(IPage page, string productName)
    {
        var edit = page.GetByRole(AriaRole.Link, new() { Name = $"Edit {productName}", Exact = true });
        var rows = page.Locator(".manage-grid tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        while (await edit.CountAsync() == 0)
        {
            var shown = await rows.CountAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Load more" }).ClickAsync();
            await Expect(rows).Not.ToHaveCountAsync(shown);
        }

        return edit;
    }

    /// <summary>Navigates and waits until the Blazor circuit is interactive, so clicks and typing reach the server.</summary>
    private static async Task GotoAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator(".page[data-interactive='true']").WaitForAsync();
    }

    private static async Task FillNewItemAsync(IPage page, string name, string price, string group, string tags)
    {
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Price (EUR)").FillAsync(price);
        await page.GetByLabel("Group", new() { Exact = true }).FillAsync(group);
        await page.GetByLabel("Tags", new() { Exact = true }).FillAsync(tags);
    }

    /// <summary>Creates an item of the test's own through the Api, so tests never depend on one another's data.</summary>
    private async Task<string> CreateViaApiAsync(string prefix, decimal price)
    {
        var name = $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];
        await CreateNamedViaApiAsync(name, price);
        return name;
    }

    private async Task CreateNamedViaApiAsync(string name, decimal price, string? description = null, string[]? tags = null)
    {
        _created.Add(name);
        using var http = new HttpClient();
        var response = await http.PostAsJsonAsync($"{cafe.ApiUrl}/menu", new { product_name = name, price, product_group = "Tests", description, tags = tags ?? [] });
        Assert.True(response.IsSuccessStatusCode, $"POST /menu answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<MenuItem> GetFromApiAsync(string name)
    {
        using var http = new HttpClient();
        var json = await http.GetStringAsync($"{cafe.ApiUrl}/menu/{Uri.EscapeDataString(name)}");
        return JsonSerializer.Deserialize<MenuItem>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower })!;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var page in _pages) await page.Context.CloseAsync();
        foreach (var name in _created) await cafe.DeleteItemAsync(name);
    }

    private const string XssName = "<script>alert(1)</script>";
}
