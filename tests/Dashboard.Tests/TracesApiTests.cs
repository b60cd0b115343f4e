using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CafeMenu.Dashboard.Tests;

/// <summary>GET /api/traces and /api/traces/{id}: the Traces page's data as JSON, for scripts and end-to-end tests, behind the login.</summary>
public sealed class TracesApiTests : IAsyncLifetime
{
    private DashboardTestHost _host = null!;
    private string _traceId = "";

    public async Task InitializeAsync()
    {
        _host = await DashboardTestHost.StartAsync(new FakeResourceService(FakeResourceService.Project("api", 5001)));
        _traceId = await SampleTelemetry.SendPageViewsAsync(_host, views: 3);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/api/traces")]
    [InlineData("/api/traces/0123456789abcdef0123456789abcdef")]
    public async Task Without_the_token_they_are_401(string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(_host.UiUrl + path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Traces_are_filtered_like_the_page_and_a_trace_lists_its_spans_with_parents_and_attributes()
    {
        using var http = await LogInAsync();

        var all = await GetJsonAsync(http, "/api/traces");
        Assert.Equal(3, all.GetArrayLength());
        Assert.Equal(3, (await GetJsonAsync(http, "/api/traces?service=api&name=dynamodb.query")).GetArrayLength());
        Assert.Equal(0, (await GetJsonAsync(http, "/api/traces?service=loader")).GetArrayLength());
        Assert.Equal(0, (await GetJsonAsync(http, "/api/traces?name=DynamoDB.Scan")).GetArrayLength());
        var summary = all.EnumerateArray().Single(t => t.GetProperty("traceId").GetString() == _traceId);
        Assert.Equal(5, summary.GetProperty("spanCount").GetInt32());
        Assert.Equal(["api", "web"], summary.GetProperty("resources").EnumerateArray().Select(r => r.GetString()));

        var spans = (await GetJsonAsync(http, $"/api/traces/{_traceId}")).EnumerateArray().ToList();
        Assert.Equal(5, spans.Count);
        var byName = spans.ToDictionary(s => s.GetProperty("name").GetString()!);
        var page = byName["GET /"];
        var call = byName["GET"];
        var api = byName["GET /menu/specials"];
        var query = byName["DynamoDB.Query"];
        Assert.Equal(("web", "Server", ""), (page.GetProperty("service").GetString(), page.GetProperty("kind").GetString(), page.GetProperty("parentSpanId").GetString()));
        Assert.Equal(("web", "Client"), (call.GetProperty("service").GetString(), call.GetProperty("kind").GetString()));
        Assert.Equal(page.GetProperty("spanId").GetString(), call.GetProperty("parentSpanId").GetString());
        Assert.Equal(call.GetProperty("spanId").GetString(), api.GetProperty("parentSpanId").GetString());
        Assert.Equal(api.GetProperty("spanId").GetString(), query.GetProperty("parentSpanId").GetString());
        Assert.Equal(("api", "Client"), (query.GetProperty("service").GetString(), query.GetProperty("kind").GetString()));
        Assert.Equal("[FoodProducts]", query.GetProperty("attributes").GetProperty("aws.dynamodb.table_names").GetString());
        Assert.Equal("special_GSI", query.GetProperty("attributes").GetProperty("aws.dynamodb.index_name").GetString());
    }

    [Fact]
    public async Task An_unknown_trace_is_404()
    {
        using var http = await LogInAsync();

        using var response = await http.GetAsync(_host.UiUrl + "/api/traces/0123456789abcdef0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpClient> LogInAsync()
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() });
        using var login = await http.GetAsync(_host.LoginUrl);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        return http;
    }

    private async Task<JsonElement> GetJsonAsync(HttpClient http, string path) =>
        await http.GetFromJsonAsync<JsonElement>(_host.UiUrl + path);
}
