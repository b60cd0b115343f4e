using System.Net;
using System.Text.Json;

namespace CafeMenu.EndToEnd;

/// <summary>
/// One view of the menu page, as the Aspire dashboard received it over OTLP and serves it on its telemetry API
/// (<c>/api/telemetry/traces</c>, the key the AppHost generated): one trace from the web's request through the Api into
/// each DynamoDB call, with the DynamoDB attributes.
/// </summary>
[Collection(CafeAppCollection.Name)]
public sealed class PageViewTraceTests(CafeAppFixture cafe)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task One_page_view_is_one_trace_from_web_through_api_into_each_DynamoDB_call_with_table_index_capacity_and_request_id()
    {
        using (var web = cafe.App.CreateHttpClient("web"))
        {
            Assert.Equal(HttpStatusCode.OK, (await web.GetAsync("/")).StatusCode);
        }

        using var dashboard = new HttpClient { BaseAddress = cafe.App.GetEndpoint("aspire-dashboard", "http") };
        Assert.False(string.IsNullOrEmpty(cafe.DashboardApiKey), "the AppHost generated no dashboard API key");
        dashboard.DefaultRequestHeaders.Add("x-api-key", cafe.DashboardApiKey);

        var trace = await Span.WaitForTraceAsync(dashboard,
            t => t.Any(s => s.ParentSpanId.Length == 0 && s.Name == "GET /") && t.Any(s => s.Name == "DynamoDB.Scan") && t.Any(s => s.Name == "DynamoDB.Query"),
            "page-view", Timeout);

        var root = Assert.Single(trace, s => s.ParentSpanId.Length == 0);
        Assert.Equal(("web", "GET /"), (root.Service, root.Name));
        var reads = trace.Where(s => s.Name is "DynamoDB.Scan" or "DynamoDB.Query").ToList();
        Assert.Contains(reads, s => s.Name == "DynamoDB.Scan");
        Assert.Contains(reads, s => s.Name == "DynamoDB.Query");
        foreach (var read in reads)
        {
            Assert.Equal("api", read.Service);
            // Every call hangs from the page view: DynamoDB span → … → api server span → web client span → … → web root.
            var chain = Span.Ancestors(trace, read);
            Assert.Equal(root, chain[^1]);
            Assert.Contains(chain, s => s.Service == "api" && s.Kind == 2);
            Assert.Contains(chain, s => s.Service == "web" && s.Kind == 3);
            Assert.Contains("FoodProducts", read.Attribute("aws.dynamodb.table_names"), StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(read.Attribute("aws.request_id")), $"{read.Name} has no aws.request_id");
            Assert.Contains("CapacityUnits", read.Attribute("aws.dynamodb.consumed_capacity"), StringComparison.Ordinal);
        }

        Assert.All(reads.Where(s => s.Name == "DynamoDB.Query"), q => Assert.Equal("special_GSI", q.Attribute("aws.dynamodb.index_name")));
    }
}
