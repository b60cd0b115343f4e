using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using CafeMenu.TestSupport;
using Microsoft.Playwright;

namespace CafeMenu.Web.BrowserTests;

/// <summary>
/// The real thing, once per test run: DynamoDB Local with a fresh, seeded table, the real Api and the real Web started
/// from their build outputs, and Debian's Chromium driven by Playwright (no browser download).
/// </summary>
public sealed class CafeFixture : IAsyncLifetime
{
    private readonly DynamoDbLocalFixture _dynamo = new();
    private AppProcess? _api;
    private AppProcess? _web;
    private IPlaywright? _playwright;

    public string TableName { get; } = DynamoDbLocalFixture.UniqueTableName("WebBrowser");

    public string OrdersTableName { get; } = DynamoDbLocalFixture.UniqueTableName("WebBrowserOrders");

    /// <summary>The ordering pages refresh every second here, so a status change shows quickly in a test.</summary>
    public static IReadOnlyDictionary<string, string> FastRefresh { get; } = new Dictionary<string, string>
    {
        ["Ordering__TrackingRefresh"] = "00:00:01",
        ["Ordering__KitchenRefresh"] = "00:00:01",
    };

    public string WebUrl => _web!.Url;

    public string ApiUrl => _api!.Url;

    public IBrowser Browser { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        await _dynamo.InitializeAsync();
        using (var client = _dynamo.CreateClient())
        {
            await TableSetup.EnsureMenuTableAsync(client, TableName);
            // Made here rather than by the Api's background start-up, so the first order of a test never races it.
            await OrdersTableSetup.EnsureAsync(client, OrdersTableName);
            foreach (var item in SeedMenu.All)
            {
                await client.PutItemAsync(new PutItemRequest { TableName = TableName, Item = MenuItemMapper.ToAttributes(item) });
            }
        }

        var apiEnvironment = new Dictionary<string, string>(_dynamo.Environment) { ["Menu__TableName"] = TableName, ["Orders__TableName"] = OrdersTableName };
        _api = await AppProcess.StartAsync("Api", "CafeMenu.Api", FreePort.Next(), apiEnvironment);
        _web = await StartWebAsync(FastRefresh);

        // The machine is shared and small: a first Api call (JIT, DynamoDB Local warming up) can take seconds.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    /// <summary>A Web of the test's own against the same Api, with <paramref name="settings"/> (for example a board that never refreshes by itself).</summary>
    internal Task<AppProcess> StartWebAsync(IReadOnlyDictionary<string, string> settings) =>
        AppProcess.StartAsync("Web", "CafeMenu.Web", FreePort.Next(), new Dictionary<string, string>(settings) { ["services__api__http__0"] = _api!.Url });

    /// <summary>A fresh browser context (its own cookies, so its own Blazor circuit) at the Web's address.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = WebUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>Removes an item straight from the table: tests clean up what they made, whatever the Api thinks of it.</summary>
    public async Task DeleteItemAsync(string productName)
    {
        using var client = _dynamo.CreateClient();
        await client.DeleteItemAsync(new DeleteItemRequest { TableName = TableName, Key = MenuItemMapper.Key(productName) });
    }

    /// <summary>The menu table as DynamoDB holds it: every item by name, rendered as text.</summary>
    public async Task<Dictionary<string, string>> ScanMenuAsync()
    {
        using var client = _dynamo.CreateClient();
        return await RawItems.ScanAsync(client, TableName, MenuTable.Attributes.ProductName);
    }

    /// <summary>The last output of both servers, to explain a failure.</summary>
    public string ServerOutput => $"--- Api ---\n{_api?.Output}\n--- Web ---\n{_web?.Output}";

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();

        if (_web is not null) await _web.DisposeAsync();
        if (_api is not null) await _api.DisposeAsync();
        await _dynamo.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class CafeCollection : ICollectionFixture<CafeFixture>
{
    public const string Name = "Cafe in a browser";
}
