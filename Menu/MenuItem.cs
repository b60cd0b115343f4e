using System.Text.Json.Serialization;

namespace CafeMenu.Menu;

/// <summary>One product on the café's menu, in the snake_case shape used by the seed file, the Loader and the Api.</summary>
public sealed record MenuItem
{
    [JsonPropertyName("product_name")]
    public required string ProductName { get; init; }

    [JsonPropertyName("product_id")]
    public long? ProductId { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Exact decimal price; never passes through binary floating point. Required in JSON: a forgotten price must not become 0.00.</summary>
    [JsonPropertyName("price")]
    [JsonRequired]
    [JsonConverter(typeof(ExactPriceConverter))]
    public decimal Price { get; init; }

    [JsonPropertyName("product_group")]
    public string? ProductGroup { get; init; }

    [JsonPropertyName("tags")]
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>1 when the item is on special; absent (null) otherwise, which keeps <c>special_GSI</c> sparse.</summary>
    [JsonPropertyName("special")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Special { get; init; }

    /// <summary>Optimistic-concurrency version, incremented by every update.</summary>
    [JsonPropertyName("version")]
    public long Version { get; init; }

    [JsonPropertyName("updated_at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? UpdatedAt { get; init; }

    [JsonIgnore]
    public bool IsSpecial => Special == 1;

    [JsonIgnore]
    public bool IsOutOfStock => Tags.Contains(MenuTable.OutOfStockTag, StringComparer.OrdinalIgnoreCase);
}
