using CafeMenu.Web.Formatting;
using Microsoft.Extensions.Options;

namespace CafeMenu.Web.Tests;

public class PriceFormatterTests
{
    [Theory]
    [InlineData("EUR", "4.5", "€4.50")]
    [InlineData("EUR", "0.10", "€0.10")]
    [InlineData("GBP", "12.34", "£12.34")]
    [InlineData("EUR", "99999999.99", "€99,999,999.99")]
    [InlineData("CHF", "3", "3.00 CHF")]
    public void Formats_the_exact_price_with_two_decimals_in_the_cafe_currency(string currency, string price, string expected)
    {
        var formatter = new PriceFormatter(Options.Create(new CafeOptions { Currency = currency }));

        Assert.Equal(expected, formatter.Format(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
