using System.Text.Json;
using System.Text.Json.Serialization;

namespace CafeMenu.Web.Client;

/// <summary>An RFC 9457 ProblemDetails from the Api, with its per-field <c>errors</c> map when it is a validation problem.</summary>
internal sealed record ApiProblem
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("title")]
    public string? Title { get; init; }

    [JsonPropertyName("detail")]
    public string? Detail { get; init; }

    [JsonPropertyName("status")]
    public int? Status { get; init; }

    [JsonPropertyName("errors")]
    public Dictionary<string, string[]>? Errors { get; init; }

    /// <summary>Every other member (for example the existing item a 409 carries).</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; init; }

    /// <summary>The most useful one-line message: the detail, else the title, else the status.</summary>
    public string Message => Detail ?? Title ?? (Status is { } status ? $"The menu service answered {status}." : "The menu service refused the request.");

    public static ApiProblem FromStatus(int status, string? text = null) => new() { Status = status, Detail = string.IsNullOrWhiteSpace(text) ? null : text };

    /// <summary>An extension member read as <typeparamref name="T"/> (an order's <c>current</c>, a refusal's <c>lines</c>); default when absent or another shape.</summary>
    public T? Extension<T>(string name)
    {
        if (Extensions is null || !Extensions.TryGetValue(name, out var value) || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return default;
        try
        {
            return value.Deserialize<T>(MenuApiClient.Json);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>The body of an error answer as a ProblemDetails, or one made from the status line when the body is not one.</summary>
    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        if (!string.IsNullOrWhiteSpace(text) && mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var problem = JsonSerializer.Deserialize<ApiProblem>(text, MenuApiClient.Json);
                if (problem is not null) return problem with { Status = problem.Status ?? status };
            }
            catch (JsonException)
            {
                // Not a ProblemDetails after all: fall through to the status line.
            }
        }

        return FromStatus(status, response.ReasonPhrase);
    }
}
