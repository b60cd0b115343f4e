using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CafeMenu.Menu;

namespace CafeMenu.Web.Client;

/// <summary>Typed client of the menu Api (base address <c>http://api</c>, resolved by service discovery).</summary>
internal sealed class MenuApiClient(HttpClient http)
{
    public const int DefaultPageSize = 25;
    private const string Service = "menu service";

    /// <summary>Reading is lenient about members the Api may add; writing sends snake_case and leaves out nulls.</summary>
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task<MenuPage> GetMenuAsync(int limit, string? cursor, string? group, CancellationToken cancellationToken) =>
        GetPageAsync(WithQuery("menu", limit, cursor, ("group", group)), cancellationToken);

    public Task<MenuPage> GetSpecialsAsync(int limit, string? cursor, CancellationToken cancellationToken) =>
        GetPageAsync(WithQuery("menu/specials", limit, cursor), cancellationToken);

    /// <summary><c>GET /menu/{name}</c>: Success with the item and its ETag, or NotFound.</summary>
    public Task<ApiResult> GetItemAsync(string productName, CancellationToken cancellationToken) =>
        SendAsync(() => ItemRequest(HttpMethod.Get, productName), cancellationToken);

    /// <summary><c>POST /menu</c>: Success (201), Duplicate with the existing item (409), or Rejected with field errors (400).</summary>
    public Task<ApiResult> CreateAsync(NewMenuItem item, CancellationToken cancellationToken) =>
        SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "menu") { Content = JsonContent.Create(item, options: Json) }, cancellationToken);

    /// <summary><c>PATCH /menu/{name}</c> with <c>If-Match</c>: Success, Conflict (412, nothing written), NotFound or Rejected.</summary>
    public Task<ApiResult> UpdateAsync(string productName, MenuItemPatch patch, string etag, CancellationToken cancellationToken) =>
        SendAsync(() =>
        {
            var request = ItemRequest(HttpMethod.Patch, productName);
            request.Content = JsonContent.Create(patch, options: Json);
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return request;
        }, cancellationToken);

    /// <summary><c>PUT</c> or <c>DELETE /menu/{name}/special</c>; both are idempotent.</summary>
    public Task<ApiResult> SetSpecialAsync(string productName, bool onSpecial, CancellationToken cancellationToken) =>
        SendAsync(() => ItemRequest(onSpecial ? HttpMethod.Put : HttpMethod.Delete, productName, "/special"), cancellationToken);

    /// <summary><c>DELETE /menu/{name}</c>, conditional on the ETag when one is given.</summary>
    public Task<ApiResult> DeleteAsync(string productName, string? etag, CancellationToken cancellationToken) =>
        SendAsync(() =>
        {
            var request = ItemRequest(HttpMethod.Delete, productName);
            if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
            return request;
        }, cancellationToken);

    /// <summary>The Api's one URL scheme for items (<see cref="ProductName.UrlSegment"/>), relative to the base address.</summary>
    internal static string ItemPath(string productName) => "menu/" + ProductName.UrlSegment(productName);

    /// <summary>A request to the item's URL, sent as written so that the products named "." and ".." stay reachable.</summary>
    private HttpRequestMessage ItemRequest(HttpMethod method, string productName, string suffix = "") =>
        ApiCall.ExactPath(http, method, ItemPath(productName) + suffix);

    internal static string WithQuery(string path, int limit, string? cursor, params (string Name, string? Value)[] extra)
    {
        var query = new List<string> { $"limit={limit}" };
        if (!string.IsNullOrEmpty(cursor)) query.Add("cursor=" + Uri.EscapeDataString(cursor));
        query.AddRange(extra.Where(e => !string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{e.Name}={Uri.EscapeDataString(e.Value!)}"));
        return path + "?" + string.Join('&', query);
    }

    private Task<MenuPage> GetPageAsync(string uri, CancellationToken cancellationToken) =>
        ApiCall.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get, uri), async response => response.IsSuccessStatusCode
            ? await ApiCall.ReadJsonAsync<MenuPage>(response, Service, cancellationToken)
            : throw new MenuApiUnavailableException((await ReadFailureAsync(response, cancellationToken)).Problem?.Message ?? "The menu service answered without a page."),
            Service, cancellationToken);

    private Task<ApiResult> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken) =>
        ApiCall.SendAsync(http, createRequest, async response =>
        {
            if (!response.IsSuccessStatusCode) return await ReadFailureAsync(response, cancellationToken);
            var item = await ReadItemAsync(response, cancellationToken);
            return new ApiResult(ApiOutcome.Success, item, response.Headers.ETag?.ToString() ?? EtagOf(item));
        }, Service, cancellationToken);

    private static async Task<ApiResult> ReadFailureAsync(HttpResponseMessage response, CancellationToken cancellationToken) => response.StatusCode switch
    {
        HttpStatusCode.NotFound => new ApiResult(ApiOutcome.NotFound, Problem: await ApiProblem.ReadAsync(response, cancellationToken)),
        HttpStatusCode.PreconditionFailed => new ApiResult(ApiOutcome.Conflict, Problem: await ApiProblem.ReadAsync(response, cancellationToken)),
        HttpStatusCode.Conflict => await ReadDuplicateAsync(response, cancellationToken),
        _ => new ApiResult(ApiOutcome.Rejected, Problem: await ApiProblem.ReadAsync(response, cancellationToken)),
    };

    /// <summary>The item's ETag as the Api sends it: its version, quoted.</summary>
    internal static string? EtagOf(MenuItem? item) => item is null ? null : $"\"{item.Version}\"";

    private static async Task<MenuItem?> ReadItemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength == 0 || response.StatusCode == HttpStatusCode.NoContent) return null;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text)) return null;
        using var document = JsonDocument.Parse(text);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(MenuTable.Attributes.ProductName, out _)
            ? document.RootElement.Deserialize<MenuItem>(Json)
            : null;
    }

    /// <summary>The 409 carries the existing item, either as the body or inside the ProblemDetails.</summary>
    private static async Task<ApiResult> ReadDuplicateAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        ApiProblem? problem = null;
        MenuItem? existing = null;
        if (!string.IsNullOrWhiteSpace(text))
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.TryGetProperty(MenuTable.Attributes.ProductName, out _))
            {
                existing = root.Deserialize<MenuItem>(Json);
            }
            else
            {
                problem = root.Deserialize<ApiProblem>(Json);
                existing = problem?.Extensions?.Values
                    .Where(value => value.ValueKind == JsonValueKind.Object && value.TryGetProperty(MenuTable.Attributes.ProductName, out _))
                    .Select(value => value.Deserialize<MenuItem>(Json))
                    .FirstOrDefault();
            }
        }

        return new ApiResult(ApiOutcome.Duplicate, existing, Problem: problem ?? ApiProblem.FromStatus(409));
    }
}
