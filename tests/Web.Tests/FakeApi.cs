using System.Net;
using System.Text;
using System.Text.Json;
using CafeMenu.Menu;
using CafeMenu.Web.Client;
using CafeMenu.Web.Formatting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CafeMenu.Web.Tests;

/// <summary>A scripted stand-in for the Api's HTTP answers, recording every request the client sends.</summary>
internal sealed class FakeApi : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, string?, HttpResponseMessage> _respond;

    public FakeApi(Func<HttpRequestMessage, string?, HttpResponseMessage> respond) => _respond = respond;

    public List<(HttpMethod Method, string PathAndQuery, string? Body, string? IfMatch)> Requests { get; } = [];

    /// <summary>The host and port of every request, as sent (after service discovery, where the client has it).</summary>
    public List<string> Authorities { get; } = [];

    public MenuApiClient Client => new(new HttpClient(this) { BaseAddress = new Uri("http://api") });

    public OrdersApiClient Orders => new(new HttpClient(this) { BaseAddress = new Uri("http://api") });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var ifMatch = request.Headers.TryGetValues("If-Match", out var values) ? string.Join(",", values) : null;
        Requests.Add((request.Method, request.RequestUri!.PathAndQuery, body, ifMatch));
        Authorities.Add(request.RequestUri.Authority);
        return _respond(request, body);
    }

    public static HttpResponseMessage Json(HttpStatusCode status, object body, string? etag = null, string mediaType = "application/json")
    {
        var response = new HttpResponseMessage(status)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, MenuApiClient.Json), Encoding.UTF8, mediaType),
        };
        if (etag is not null) response.Headers.ETag = new System.Net.Http.Headers.EntityTagHeaderValue(etag);
        return response;
    }

    public static HttpResponseMessage Page(IEnumerable<MenuItem> items, string? next = null) =>
        Json(HttpStatusCode.OK, new { items, next_cursor = next });

    public static HttpResponseMessage Problem(HttpStatusCode status, string title, string detail, Dictionary<string, string[]>? errors = null, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["type"] = "https://tools.ietf.org/html/rfc9110", ["title"] = title, ["status"] = (int)status, ["detail"] = detail };
        if (errors is not null) body["errors"] = errors;
        if (extra is not null) body["existing"] = extra;
        return Json(status, body, mediaType: "application/problem+json");
    }

    public static MenuItem Item(string name, decimal price, string group = "Coffee", string[]? tags = null, bool special = false, long version = 1, string? description = null) => new()
    {
        ProductName = name,
        Price = price,
        ProductGroup = group,
        Tags = tags ?? [],
        Special = special ? 1 : null,
        Version = version,
        Description = description,
    };
}

internal static class TestServices
{
    /// <summary>What the Web's components need: the client over a fake Api, the price formatter, the café options.</summary>
    public static void AddWeb(this BunitContext context, FakeApi api, string currency = "EUR")
    {
        var options = Options.Create(new CafeOptions { Currency = currency });
        context.Services.AddSingleton(options);
        context.Services.AddSingleton(new PriceFormatter(options));
        context.Services.AddSingleton(api.Client);
        context.Services.AddSingleton(api.Orders);
        context.Services.AddSingleton(Options.Create(new CafeMenu.Web.Models.OrderingOptions()));
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    /// <summary>Query parameters reach a page through the URL, as in the browser.</summary>
    public static void NavigateTo(this BunitContext context, string relativeUri) =>
        context.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().NavigateTo(relativeUri);
}
