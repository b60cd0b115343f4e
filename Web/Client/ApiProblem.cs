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
}
