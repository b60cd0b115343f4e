using System.Globalization;
using Microsoft.Extensions.Options;

namespace CafeMenu.Web.Formatting;

/// <summary>Shows a price exactly, with two decimals, in the café's currency.</summary>
internal sealed class PriceFormatter(IOptions<CafeOptions> options)
{
    // Hand-written symbol table: the app runs with InvariantGlobalization, so no culture supplies currency symbols.
    private static readonly Dictionary<string, string> Symbols = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = "€",
        ["GBP"] = "£",
        ["USD"] = "$",
    };

    public string Currency => options.Value.Currency;

    public string Format(decimal price)
    {
        // decimal keeps the exact value; "0.00" only pads (prices are validated to at most two decimals).
        var amount = price.ToString("#,##0.00", CultureInfo.InvariantCulture);
        return Symbols.TryGetValue(Currency, out var symbol) ? $"{symbol}{amount}" : $"{amount} {Currency.ToUpperInvariant()}";
    }
}
