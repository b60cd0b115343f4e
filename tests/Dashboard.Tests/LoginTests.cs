using System.Net;

namespace CafeMenu.Dashboard.Tests;

public sealed class LoginTests : IAsyncLifetime
{
    private DashboardTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DashboardTestHost.StartAsync(new FakeResourceService(FakeResourceService.Project("api", 5001)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/traces")]
    [InlineData("/structuredlogs")]
    [InlineData("/api/resources")]
    [InlineData("/api/console/api")]
    [InlineData("/_blazor/negotiate")]
    public async Task Without_the_token_pages_and_apis_are_401_with_a_page_asking_for_it(string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(_host.UiUrl + path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("paste its token", body);
        Assert.DoesNotContain("x-otlp-api-key=", body);
    }

    [Fact]
    public async Task A_wrong_token_is_refused()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await http.GetAsync($"{_host.UiUrl}/login?t=not-the-token");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task The_token_sets_a_cookie_that_opens_pages_and_apis()
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false });

        using var login = await http.GetAsync(_host.LoginUrl);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/", login.Headers.Location?.OriginalString);
        var cookie = Assert.Single(cookies.GetAllCookies());
        Assert.True(cookie.HttpOnly);

        using var page = await http.GetAsync(_host.UiUrl + "/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("data-resource=\"api\"", html);
        // The resource's environment carries the OTLP key; the details panel masks it, and the page never shows it.
        Assert.DoesNotContain("super-secret-key", html);

        using var api = await http.GetAsync(_host.UiUrl + "/api/resources");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
    }

    [Fact]
    public async Task The_blazor_script_and_styles_are_served()
    {
        using var http = new HttpClient();
        using var script = await http.GetAsync(_host.UiUrl + "/_framework/blazor.web.js");
        using var css = await http.GetAsync(_host.UiUrl + "/css/dashboard.css");

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 10_000);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }
}
