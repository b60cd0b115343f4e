using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Hosting;
using CafeMenu.Menu;
using CafeMenu.TestSupport;
using Microsoft.Playwright;

namespace CafeMenu.Dashboard.Tests;

/// <summary>
/// Headless Chromium (Debian's, through Playwright) logs in with the token and uses every page against a hosted dashboard
/// fed with real telemetry and a real DynamoDB Local. Set DASHBOARD_SCREENSHOTS to a folder to keep the screenshots.
/// </summary>
public sealed class DashboardBrowserTests : IClassFixture<DynamoDbLocalFixture>, IAsyncLifetime
{
    private readonly DynamoDbLocalFixture _dynamo;
    private readonly string _screenshots;
    private DashboardTestHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private string _traceId = "";

    public DashboardBrowserTests(DynamoDbLocalFixture dynamo)
    {
        _dynamo = dynamo;
        _screenshots = Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS") is { Length: > 0 } dir
            ? dir
            : Directory.CreateTempSubdirectory("dashboard-screenshots").FullName;
    }

    public async Task InitializeAsync()
    {
        var table = DynamoDbLocalFixture.UniqueTableName("FoodProducts");
        using (var client = _dynamo.CreateClient())
        {
            await TableSetup.EnsureMenuTableAsync(client, table);
            foreach (var (name, price, special) in new[] { ("Latte", 3.50m, true), ("Espresso", 2.20m, false), ("Croissant", 2.80m, true), ("Carrot cake", 4.10m, false), ("Flat white", 3.30m, false) })
            {
                var item = new MenuItem { ProductName = name, ProductId = name.Length, Price = price, Description = $"{name} from the café", ProductGroup = "Drinks and cakes", Tags = ["house"], Special = special ? 1 : null, Version = 1 };
                await client.PutItemAsync(new PutItemRequest { TableName = table, Item = MenuItemMapper.ToAttributes(item) });
            }
        }

        var resources = new FakeResourceService(
            new ResourceSnapshot
            {
                Name = "dynamodb", ResourceType = "DynamoDBLocal", State = ResourceState.Running, Health = ResourceHealth.Healthy,
                StartedAt = DateTimeOffset.UtcNow.AddMinutes(-3), ProcessId = 4100, Endpoints = [new ResourceEndpoint("http", _dynamo.ServiceUrl)],
                CommandLine = "java -Djava.library.path=./DynamoDBLocal_lib -jar DynamoDBLocal.jar -inMemory -port " + _dynamo.Port,
            },
            FakeResourceService.Project("loader", 0, ResourceState.Finished) with { Endpoints = [], ExitCode = 0, StoppedAt = DateTimeOffset.UtcNow.AddMinutes(-2) },
            FakeResourceService.Project("api", FreePort.Next()),
            FakeResourceService.Project("web", FreePort.Next()) with { WaitsFor = ["api"] });
        _host = await DashboardTestHost.StartAsync(resources);
        resources.WriteConsole("api", "info: Microsoft.Hosting.Lifetime[14] Now listening on: http://127.0.0.1:5123");
        resources.WriteConsole("api", "info: Microsoft.Hosting.Lifetime[0] Application started. Press Ctrl+C to shut down.");
        resources.WriteConsole("api", "warn: CafeMenu.Api[3] Slow DynamoDB call: Query took 41 ms", isStdErr: false);
        resources.WriteConsole("api", "fail: CafeMenu.Api[9] Unhandled exception while reading the menu", isStdErr: true);
        _traceId = await SampleTelemetry.SendPageViewsAsync(_host, views: 6);
        await SampleTelemetry.SendMetricsAsync(_host);

        _playwright = await Playwright.CreateAsync();
        _browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
    }

    [Fact]
    public async Task Logged_in_user_sees_resources_live_and_a_traces_waterfall_across_services()
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        Assertions.SetDefaultExpectTimeout(15_000);

        // Once logged in (the first visit is refused on purpose), every page must load without a script error or a missing file (FluentUI's scripts are served from the assembly).
        var browserProblems = new List<string>();
        var loggedIn = false;
        void Report(string problem)
        {
            if (loggedIn) browserProblems.Add($"{page.Url}: {problem}");
        }

        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") Report($"console {message.Type}: {message.Text}");
        };
        page.PageError += (_, error) => Report($"page error: {error}");
        page.RequestFailed += (_, request) => Report($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) Report($"{response.Status} for {response.Url}");
        };
        var refused = await page.GotoAsync(_host.UiUrl + "/traces");
        Assert.Equal(401, refused!.Status);
        await Assertions.Expect(page.GetByText("paste its token")).ToBeVisibleAsync();

        loggedIn = true;
        await page.GotoAsync(_host.LoginUrl);
        Assert.EndsWith("/", page.Url);
        foreach (var name in new[] { "dynamodb", "loader", "api", "web" })
        {
            await Assertions.Expect(page.Locator(ResourceRow(name))).ToBeVisibleAsync();
        }

        await Assertions.Expect(page.Locator(ResourceRow("loader"))).ToContainTextAsync("Finished");
        // FluentUI's JS initializer ran: its web components are defined, so its buttons and badges are upgraded.
        await WaitForCircuitAsync(page);
        await AssertFluentComponentsDefinedAsync(page);
        // Interactive: the details panel opens on click, with secrets masked.
        await Button(page.Locator(ResourceRow("api")), "Details").ClickAsync();
        await Assertions.Expect(page.Locator("#details")).ToContainTextAsync("OTEL_EXPORTER_OTLP_HEADERS");
        await Assertions.Expect(page.Locator("#details")).Not.ToContainTextAsync("super-secret-key");
        // Live: a state change in the orchestrator shows without reload.
        _host.Resources.Update(_host.Resources.GetResources().Single(r => r.Name == "web") with { State = ResourceState.Exited, ExitCode = 137, Health = ResourceHealth.Unknown });
        await Assertions.Expect(page.Locator(ResourceRow("web"))).ToContainTextAsync("Exited");
        await Assertions.Expect(page.Locator(ResourceRow("web"))).ToContainTextAsync("137");
        await Shot(page, "resources");
        await Button(page.Locator(ResourceRow("web")), "Start").ClickAsync();
        await Assertions.Expect(page.Locator(ResourceRow("web"))).ToContainTextAsync("Running");
        Assert.Contains("start web", _host.Resources.Commands);

        await page.GotoAsync(_host.UiUrl + "/consolelogs/api");
        await Assertions.Expect(page.Locator("#console .line")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#console .stderr")).ToContainTextAsync("Unhandled exception");
        _host.Resources.WriteConsole("api", "info: CafeMenu.Api[1] GET /menu/specials answered 200 in 12 ms");
        await Assertions.Expect(page.Locator("#console .line")).ToHaveCountAsync(5);
        await Shot(page, "console");

        await page.GotoAsync(_host.UiUrl + "/structuredlogs");
        await Assertions.Expect(page.Locator("#logs tbody tr").First).ToContainTextAsync("Listing specials");
        await WaitForCircuitAsync(page);
        await Shot(page, "structured-logs");

        await page.GotoAsync(_host.UiUrl + "/traces");
        // A FluentDataGrid, rendered by the circuit like every other page.
        await Assertions.Expect(page.Locator("#traces.fluent-data-grid tbody tr")).ToHaveCountAsync(6);
        await WaitForCircuitAsync(page);
        await Shot(page, "traces");

        await page.Locator($"a[href='traces/{_traceId}']").First.ClickAsync();
        var waterfall = page.Locator("#waterfall");
        // web: GET / and its HTTP client call; api: GET /menu/specials, DynamoDB.Query, DynamoDB.GetItem.
        await Assertions.Expect(waterfall.Locator(".wf-row:not(.wf-head)")).ToHaveCountAsync(5);
        await Assertions.Expect(waterfall).ToContainTextAsync("web GET /");
        await Assertions.Expect(waterfall).ToContainTextAsync("api GET /menu/specials");
        await Assertions.Expect(waterfall).ToContainTextAsync("api DynamoDB.Query");
        await waterfall.Locator(".wf-row:has-text('DynamoDB.Query')").ClickAsync();
        await Assertions.Expect(page.Locator("#span-details")).ToContainTextAsync("aws.dynamodb.table_names");
        await Shot(page, "trace-detail");

        await page.GotoAsync(_host.UiUrl + "/metrics/api?instrument=http.server.request.duration");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("svg.chart polyline")).ToHaveCountAsync(3);
        await Shot(page, "metrics");

        await page.GotoAsync(_host.UiUrl + "/dynamodb");
        await Assertions.Expect(page.Locator("#tables")).ToContainTextAsync("special_GSI");
        await Assertions.Expect(page.Locator("#operations")).ToContainTextAsync("Query");
        await WaitForCircuitAsync(page);
        await Button(page.Locator("#tables"), "browse").First.ClickAsync();
        await Assertions.Expect(page.Locator("#items tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator("#items")).ToContainTextAsync("Croissant");
        await Shot(page, "dynamodb");

        Assert.True(browserProblems.Count == 0, string.Join(Environment.NewLine, browserProblems));

        // No page threw on the server while it was used.
        var problems = _host.Logs.Messages.Where(m => m.StartsWith("Error") || m.StartsWith("Critical") || m.StartsWith("Warning")).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>A row of the resources grid: FluentDataGrid's rows take no attributes, the name cell carries data-resource.</summary>
    private static string ResourceRow(string name) => $"#resources tbody tr:has([data-resource='{name}'])";

    /// <summary>A FluentButton by its exact label (fluent-button's role lives in its element internals, which roles in Playwright do not see).</summary>
    private static ILocator Button(ILocator scope, string label) =>
        scope.Locator("fluent-button", new() { HasTextRegex = new Regex($"^\\s*{Regex.Escape(label)}\\s*$") });

    /// <summary>
    /// FluentUI's components are web components defined by its JS initializer (beforeWebStart): without it they stay unknown
    /// elements. A defined fluent-button has a shadow root with its own button part.
    /// </summary>
    private static async Task AssertFluentComponentsDefinedAsync(IPage page)
    {
        foreach (var element in new[] { "fluent-button", "fluent-badge" })
        {
            Assert.True(await page.EvaluateAsync<bool>($"() => customElements.get('{element}') !== undefined"), $"{element} is not defined");
        }

        await page.WaitForFunctionAsync("() => document.querySelector('#resources fluent-button')?.shadowRoot?.childElementCount > 0");
    }

    /// <summary>Blazor's circuit connects after the prerendered page shows; clicks before that do nothing.</summary>
    private static async Task WaitForCircuitAsync(IPage page) =>
        await page.Locator(".shell[data-interactive='true']").WaitForAsync();

    private async Task Shot(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(_screenshots, $"dashboard-{name}.png"), FullPage = false });
}
