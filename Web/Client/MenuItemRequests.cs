using System.Text.Json.Serialization;

namespace CafeMenu.Web.Client;

/// <summary>The body of <c>POST /menu</c>: the fields a new product may carry (version and dates are the Api's business).</summary>
internal sealed record NewMenuItem
{
    [JsonPropertyName("product_name")]
    public required string ProductName { get; init; }

    [JsonPropertyName("description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    [JsonPropertyName("price")]
    public decimal Price { get; init; }

    [JsonPropertyName("product_group")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ProductGroup { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>The body of <c>PATCH /menu/{name}</c>: only the fields that changed are sent.</summary>
internal sealed record MenuItemPatch
{
    [JsonPropertyName("price")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public decimal? Price { get; init; }

    [JsonPropertyName("description")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Description { get; init; }

    [JsonPropertyName("product_group")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ProductGroup { get; init; }

    [JsonPropertyName("tags")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Tags { get; init; }

    [JsonIgnore]
    public bool IsEmpty => Price is null && Description is null && ProductGroup is null && Tags is null;
}
