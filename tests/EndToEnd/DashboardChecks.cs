using System.Net;
using System.Text;
using Microsoft.Playwright;

namespace CafeMenu.EndToEnd;

/// <summary>The AppHost's dashboard as a user meets it: locked without the token and the API key, and, logged in, the resources and a page view's trace.</summary>
internal static class DashboardChecks
{
    private static readonly TimeSpan TraceTimeout = TimeSpan.FromSeconds(30);

    public static async Task AssertLockedAsync(string dashboardUrl, int otlpHttpPort)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        foreach (var path in new[] { "/", "/traces", "/api/resources", "/api/traces" })
        {
            using var response = await http.GetAsync(dashboardUrl + path);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"GET {path} without the token answered {(int)response.StatusCode}");
        }

        using var wrongToken = await http.GetAsync(dashboardUrl + "/login?t=" + new string('0', 32));
        Assert.Equal(HttpStatusCode.Unauthorized, wrongToken.StatusCode);

        // An empty but well-formed OTLP/JSON export, so only the missing key can be the reason for a refusal.
        using var export = new StringContent("{\"resourceSpans\":[]}", Encoding.UTF8, "application/json");
        using var otlp = await http.PostAsync($"http://127.0.0.1:{otlpHttpPort}/v1/traces", export);
        Assert.Equal(HttpStatusCode.Unauthorized, otlp.StatusCode);
    }

    /// <summary>
    /// Logs in with the printed URL, sees every resource ready, views the Web's menu page in the same browser,
    /// then finds that view's trace (web, api, DynamoDB) in Traces and opens its waterfall. Returns the trace's spans.
    /// </summary>
    public static async Task<List<DashboardClient.Span>> AssertPageViewVisibleAsync(
        IBrowser browser, string loginUrl, string webUrl, DashboardClient dashboard, IReadOnlyDictionary<string, string> ready)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();

        await page.GotoAsync(loginUrl);
        Assert.Equal(DashboardClient.BaseUrlOf(loginUrl) + "/", page.Url);
        foreach (var (name, state) in ready)
        {
            // "Running Healthy" on the console is Running (with health beside it) on the page; the Loader is Finished.
            // FluentDataGrid's rows take no attributes: the name cell carries data-resource.
            await Assertions.Expect(page.Locator($"#resources tbody tr:has([data-resource='{name}'])")).ToContainTextAsync(state.Split(' ')[0]);
        }

        var menu = await context.NewPageAsync();
        var view = await menu.GotoAsync(webUrl + "/");
        Assert.Equal(200, view!.Status);
        await Assertions.Expect(menu.GetByRole(AriaRole.Heading, new() { Name = "Menu", Exact = true })).ToBeVisibleAsync();

        var spans = await PageViewTrace.WaitAsync(dashboard, TraceTimeout);
        var traceId = spans[0].TraceId;
        var dynamoDbCall = PageViewTrace.DynamoDbSpanName(spans);

        await page.GotoAsync(DashboardClient.BaseUrlOf(loginUrl) + "/traces?resource=web");
        var row = page.Locator("#traces tbody tr", new() { Has = page.Locator($"a[href='traces/{traceId}']") });
        await Assertions.Expect(row).ToContainTextAsync("web");
        await Assertions.Expect(row).ToContainTextAsync("api");
        await WaitForCircuitAsync(page);
        await row.Locator($"a[href='traces/{traceId}']").ClickAsync();

        var waterfall = page.Locator("#waterfall");
        await Assertions.Expect(waterfall).ToContainTextAsync("web GET /");
        await Assertions.Expect(waterfall).ToContainTextAsync("api GET /menu");
        await Assertions.Expect(waterfall).ToContainTextAsync($"api {dynamoDbCall}");
        await WaitForCircuitAsync(page);
        await waterfall.Locator($".wf-row:has-text('{dynamoDbCall}')").First.ClickAsync();
        await Assertions.Expect(page.Locator("#span-details")).ToContainTextAsync("aws.dynamodb.table_names");
        return spans;
    }

    /// <summary>Blazor's circuit connects after the prerendered page shows; clicks before that do nothing.</summary>
    private static async Task WaitForCircuitAsync(IPage page) =>
        await page.Locator(".shell[data-interactive='true']").WaitForAsync();
}
