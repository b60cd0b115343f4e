using System.Text.Json.Serialization;

namespace CafeMenu.Menu;

/// <summary>
/// One line of an order: a product, how many, and its unit price. In a request the price is the one the guest saw; the
/// order is written only while the menu still has that price, so the stored price is the menu's at the time of ordering.
/// </summary>
public sealed record OrderLine
{
    [JsonPropertyName("product_name")]
    public required string ProductName { get; init; }

    [JsonPropertyName("quantity")]
    [JsonConverter(typeof(QuantityConverter))]
    public required int Quantity { get; init; }

    [JsonPropertyName("unit_price")]
    [JsonConverter(typeof(ExactPriceConverter))]
    public required decimal UnitPrice { get; init; }

    [JsonIgnore]
    public decimal LineTotal => Quantity * UnitPrice;
}
