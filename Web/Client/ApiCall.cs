using System.Net.Http.Json;
using System.Text.Json;
using Polly;

namespace CafeMenu.Web.Client;

/// <summary>
/// What both typed clients of the Api do around one call: a 5xx answer, no answer, a timeout or a body that is not JSON is a
/// <see cref="MenuApiUnavailableException"/> ("try again"); every other answer is the caller's to read.
/// </summary>
internal static class ApiCall
{
    /// <param name="service">How the message names the Api: "menu service", "café's service".</param>
    public static async Task<T> SendAsync<T>(HttpClient http, Func<HttpRequestMessage> createRequest, Func<HttpResponseMessage, Task<T>> read,
        string service, CancellationToken cancellationToken)
    {
        try
        {
            using var request = createRequest();
            using var response = await http.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode >= 500) throw new MenuApiUnavailableException((await ApiProblem.ReadAsync(response, cancellationToken)).Message);
            return await read(response);
        }
        catch (Exception ex) when (IsUnreachable(ex, cancellationToken))
        {
            throw new MenuApiUnavailableException($"The {service} could not be reached.", ex);
        }
    }

    /// <summary>A success's JSON body; an empty one means the Api is not itself.</summary>
    public static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, string service, CancellationToken cancellationToken) =>
        await response.Content.ReadFromJsonAsync<T>(MenuApiClient.Json, cancellationToken)
        ?? throw new MenuApiUnavailableException($"The {service} answered with an empty body.");

    /// <summary>
    /// A request to the Api's <paramref name="path"/> (relative to the base address, already escaped) that goes out as written:
    /// .NET's Uri would unescape %2E and remove "." and ".." as dot segments. The path also goes in the request's options for
    /// <see cref="ExactPathHandler"/>, as service discovery rebuilds the URI.
    /// </summary>
    public static HttpRequestMessage ExactPath(HttpClient http, HttpMethod method, string path)
    {
        if (http.BaseAddress is not { } root) return new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        var absolutePath = root.AbsolutePath.TrimEnd('/') + "/" + path;
        var request = new HttpRequestMessage(method, new Uri(root.GetLeftPart(UriPartial.Authority) + absolutePath,
            new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        request.Options.Set(ExactPathHandler.PathAndQuery, absolutePath);
        return request;
    }

    private static bool IsUnreachable(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        HttpRequestException or ExecutionRejectedException or JsonException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested, // a timeout, not the user leaving
        _ => false,
    };
}
