using CafeMenu.Menu;

namespace CafeMenu.Web.BrowserTests;

/// <summary>The items every browser test may rely on (tests that change items make their own).</summary>
internal static class SeedMenu
{
    public static readonly MenuItem Espresso = Item("Espresso", 2.10m, "Coffee", ["hot"], "A short, strong shot.");
    public static readonly MenuItem FlatWhite = Item("Flat White", 3.40m, "Coffee", ["hot", "milk"], "Double ristretto with velvety milk.");
    public static readonly MenuItem OatCappuccino = Item("Oat Cappuccino", 3.60m, "Coffee", ["hot", "vegan"], "Espresso, steamed oat milk, a cap of foam.");
    public static readonly MenuItem CinnamonBun = Item("Cinnamon Bun", 2.80m, "Pastries", ["baked"], "Swedish kanelbulle with cardamom.", special: true);
    public static readonly MenuItem Croissant = Item("Butter Croissant", 2.20m, "Pastries", ["baked", "vegetarian"], "Laminated by hand every morning.");
    public static readonly MenuItem LemonTart = Item("Lemon Tart", 3.95m, "Pastries", ["baked", MenuTable.OutOfStockTag], "Sold out by noon.", special: true);
    public static readonly MenuItem IcedTea = Item("Iced Peach Tea", 2.95m, "Cold drinks", ["vegan", "cold"], "Black tea, peach, ice.", special: true);
    public static readonly MenuItem OrangeJuice = Item("Fresh Orange Juice", 3.10m, "Cold drinks", ["vegan", "cold"], "Squeezed to order.");

    public static IReadOnlyList<MenuItem> All { get; } = [Espresso, FlatWhite, OatCappuccino, CinnamonBun, Croissant, LemonTart, IcedTea, OrangeJuice];

    public static MenuItem Item(string name, decimal price, string group, string[] tags, string description, bool special = false) => new()
    {
        ProductName = name,
        Price = price,
        ProductGroup = group,
        Tags = tags,
        Description = description,
        Special = special ? 1 : null,
        Version = 1,
        UpdatedAt = DateTimeOffset.UtcNow,
    };
}
