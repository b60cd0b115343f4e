using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CafeMenu.Menu;
using Polly;

namespace CafeMenu.Web.Client;

/// <summary>Typed client of the menu Api (base address <c>http://api</c>, resolved by service discovery).</summary>
internal sealed class MenuApiClient(HttpClient http)
{
    public const int DefaultPageSize = 25;

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

    /// <summary>
    /// A request to the absolute item URL, sent as written: .NET's Uri would unescape %2E and remove "." and ".." as dot
    /// segments, so the products named that way would be unreachable (or another resource reached). The path also
    /// goes in the request's options for <see cref="ExactPathHandler"/>, as service discovery rebuilds the URI.
    /// </summary>
    private HttpRequestMessage ItemRequest(HttpMethod method, string productName, string suffix = "")
    {
        if (http.BaseAddress is not { } root) return new HttpRequestMessage(method, new Uri(ItemPath(productName) + suffix, UriKind.Relative));
        var path = root.AbsolutePath.TrimEnd('/') + "/" + ItemPath(productName) + suffix;
        var request = new HttpRequestMessage(method, new Uri(root.GetLeftPart(UriPartial.Authority) + path,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        request.Options.Set(ExactPathHandler.PathAndQuery, path);
        return request;
    }

    internal static string WithQuery(string path, int limit, string? cursor, params (string Name, string? Value)[] extra)
    {
        var query = new List<string> { $"limit={limit}" };
        if (!string.IsNullOrEmpty(cursor)) query.Add("cursor=" + Uri.EscapeDataString(cursor));
        query.AddRange(extra.Where(e => !string.IsNullOrWhiteSpace(e.Value)).Select(e => $"{e.Name}={Uri.EscapeDataString(e.Value!)}"));
        return path + "?" + string.Join('&', query);
    }

    private async Task<MenuPage> GetPageAsync(string uri, CancellationToken cancellationToken)
    {
        var result = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), cancellationToken, readPage: true);
        if (result.page is null)
        {
            throw new MenuApiUnavailableException(result.result.Problem?.Message ?? "The menu service answered without a page.");
        }

        return result.page;
    }

    private async Task<ApiResult> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken) =>
        (await SendAsync(createRequest, cancellationToken, readPage: false)).result;

    private async Task<(ApiResult result, MenuPage? page)> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken, bool readPage)
    {
        try
        {
            using var request = createRequest();
            using var response = await http.SendAsync(request, cancellationToken);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                var problem = await ApiProblem.ReadAsync(response, cancellationToken);
                throw new MenuApiUnavailableException(problem.Message);
            }

            var etag = response.Headers.ETag?.ToString();
            if (response.IsSuccessStatusCode)
            {
                if (readPage)
                {
                    var page = await response.Content.ReadFromJsonAsync<MenuPage>(Json, cancellationToken)
                        ?? throw new MenuApiUnavailableException("The menu service answered with an empty body.");
                    return (new ApiResult(ApiOutcome.Success), page);
                }

                var item = await ReadItemAsync(response, cancellationToken);
                return (new ApiResult(ApiOutcome.Success, item, etag ?? EtagOf(item)), null);
            }

            return response.StatusCode switch
            {
                HttpStatusCode.NotFound => (new ApiResult(ApiOutcome.NotFound, Problem: await ApiProblem.ReadAsync(response, cancellationToken)), null),
                HttpStatusCode.PreconditionFailed => (new ApiResult(ApiOutcome.Conflict, Problem: await ApiProblem.ReadAsync(response, cancellationToken)), null),
                HttpStatusCode.Conflict => (await ReadDuplicateAsync(response, cancellationToken), null),
                _ => (new ApiResult(ApiOutcome.Rejected, Problem: await ApiProblem.ReadAsync(response, cancellationToken)), null),
            };
        }
        catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
        {
            throw new MenuApiUnavailableException("The menu service could not be reached.", ex);
        }
    }

    private static bool IsUnreachable(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        HttpRequestException or ExecutionRejectedException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // a timeout, not the user leaving
        JsonException => true,
        _ => false,
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
