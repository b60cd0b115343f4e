using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace CafeMenu.Api.Tests;

internal static class Http
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static string Item(string name, string price = "1.50", string extra = "") =>
        $$"""{"product_name":{{JsonSerializer.Serialize(name)}},"price":{{price}}{{(extra.Length > 0 ? "," + extra : "")}}}""";

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the status and the one error shape of the Api: an RFC 9457 ProblemDetails with type, title, status and detail.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("type").GetString()));
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal); // never a stack trace
        return problem;
    }

    public static async Task<HttpResponseMessage> PatchAsync(this HttpClient client, string path, string json, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path) { Content = Json(json) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    public static async Task<HttpResponseMessage> DeleteAsync(this HttpClient client, string path, string? ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, path);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    public static string ETag(this HttpResponseMessage response) =>
        response.Headers.ETag?.ToString() ?? throw new Xunit.Sdk.XunitException("response has no ETag");

    /// <summary>The item address in the Api's one URL scheme.</summary>
    public static string Path(string productName) => CafeMenu.Menu.ProductName.ItemPath(productName);

    /// <summary>
    /// The item's absolute URL as sent on the wire: .NET's Uri would otherwise unescape %2E and drop the names "." and ".."
    /// as dot segments, so the client opts out of path canonicalisation, as Web's MenuApiClient does.
    /// </summary>
    public static Uri Url(this HttpClient client, string productName, string suffix = "") =>
        new(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + Path(productName) + suffix,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });

    public static EntityTagHeaderValue Tag(long version) => new($"\"{version}\"");
}
