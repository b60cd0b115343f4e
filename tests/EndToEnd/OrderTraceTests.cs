using System.Net;
using System.Text.RegularExpressions;
using CafeMenu.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CafeMenu.EndToEnd;

/// <summary>
/// Placing an order on the site, as the Aspire dashboard received it: one trace from the web's "Place order" click through
/// the Api into the one DynamoDB.TransactWriteItems that writes the order and checks the menu, with both tables on it.
/// </summary>
[Collection(CafeAppCollection.Name)]
public sealed class OrderTraceTests(CafeAppFixture cafe)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Placing_an_order_on_the_site_is_one_trace_from_the_click_through_api_into_TransactWriteItems_on_both_tables()
    {
        var pickup = "Trace " + Guid.NewGuid().ToString("N")[..6];
        using (var playwright = await Playwright.CreateAsync())
        {
            await using var browser = await HeadlessChromium.LaunchAsync(playwright);
            var page = await browser.NewPageAsync();
            await page.GotoAsync(cafe.App.GetEndpoint("web") + "order");
            await page.Locator(".page[data-interactive='true']").WaitForAsync();
            await page.Locator(".add-to-basket:enabled").First.ClickAsync();
            await page.GetByLabel("Name for pickup").FillAsync(pickup);
            await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Place order") }).ClickAsync();
            await Expect(page.Locator(".order-tracker .pickup-name")).ToHaveTextAsync(pickup, new() { Timeout = 30_000 });
        }

        using var dashboard = new HttpClient { BaseAddress = cafe.App.GetEndpoint("aspire-dashboard", "http") };
        dashboard.DefaultRequestHeaders.Add("x-api-key", cafe.DashboardApiKey);
        var trace = await Span.WaitForTraceAsync(dashboard,
            t => t.Any(s => s.ParentSpanId.Length == 0 && s.Name == "Place order") && t.Any(s => s.Name == "DynamoDB.TransactWriteItems"),
            "order-placing", Timeout);

        var root = Assert.Single(trace, s => s.ParentSpanId.Length == 0);
        Assert.Equal(("web", "Place order"), (root.Service, root.Name));
        var write = Assert.Single(trace, s => s.Name == "DynamoDB.TransactWriteItems");
        Assert.Equal("api", write.Service);
        var chain = Span.Ancestors(trace, write);
        Assert.Equal(root, chain[^1]);
        Assert.Contains(chain, s => s.Service == "api" && s.Kind == 2 && s.Name == "POST /orders");
        Assert.Contains(chain, s => s.Service == "web" && s.Kind == 3);
        Assert.Contains("\"Orders\"", write.Attribute("aws.dynamodb.table_names"), StringComparison.Ordinal);
        Assert.Contains("\"FoodProducts\"", write.Attribute("aws.dynamodb.table_names"), StringComparison.Ordinal);
    }
}
