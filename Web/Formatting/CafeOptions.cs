namespace CafeMenu.Web.Formatting;

/// <summary>Settings of the café itself (configuration section "Cafe").</summary>
public sealed class CafeOptions
{
    public const string Section = "Cafe";

    public string Name { get; set; } = "CafeMenu";

    /// <summary>ISO 4217 code of the currency the menu's prices are in.</summary>
    public string Currency { get; set; } = "EUR";
}
