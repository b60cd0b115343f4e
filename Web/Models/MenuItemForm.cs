using System.Globalization;
using CafeMenu.Menu;
using CafeMenu.Web.Client;

namespace CafeMenu.Web.Models;

/// <summary>The add/edit form: text as typed (the price stays text so nothing passes through floating point), checked by the Menu's own validator.</summary>
public sealed class MenuItemForm
{
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public string Price { get; set; } = "";

    public string Group { get; set; } = "";

    /// <summary>Comma-separated, as typed.</summary>
    public string Tags { get; set; } = "";

    public static MenuItemForm From(MenuItem item) => new()
    {
        Name = item.ProductName,
        Description = item.Description ?? "",
        Price = item.Price.ToString("0.00", CultureInfo.InvariantCulture),
        Group = item.ProductGroup ?? "",
        Tags = string.Join(", ", item.Tags),
    };

    public IReadOnlyList<string> TagList =>
        Tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public decimal? ParsedPrice =>
        decimal.TryParse(Price.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price)
            ? price
            : null;

    /// <summary>The same rules as the Api (Menu's <see cref="MenuItemValidator"/>), keyed by snake_case field like its ProblemDetails.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = MenuItemValidator.Validate(ToMenuItem());
        if (ParsedPrice is null)
        {
            errors[MenuTable.Attributes.Price] = [Price.Trim().Length == 0
                ? "price is required."
                : "price must be a number with at most two decimals, such as 4.50."];
        }

        return errors;
    }

    internal NewMenuItem ToNewItem() => new()
    {
        ProductName = Name.Trim(),
        Description = NullIfBlank(Description),
        Price = ParsedPrice ?? 0m,
        ProductGroup = NullIfBlank(Group),
        Tags = TagList,
    };

    /// <summary>Only what changed since <paramref name="original"/> was loaded, so a PATCH touches nothing else.</summary>
    internal MenuItemPatch ToPatch(MenuItem original)
    {
        var price = ParsedPrice;
        var description = Description.Trim();
        var group = Group.Trim();
        var tags = TagList;
        return new MenuItemPatch
        {
            Price = price is { } p && p != original.Price ? p : null,
            Description = description != (original.Description ?? "").Trim() ? description : null,
            ProductGroup = group.Length > 0 && group != (original.ProductGroup ?? "").Trim() ? group : null,
            Tags = tags.SequenceEqual(original.Tags) ? null : tags,
        };
    }

    /// <summary>Which form property shows the error of an Api field (<c>product_name</c>, <c>tags[3]</c>, <c>$.price</c>); null for the whole form.</summary>
    public static string? PropertyFor(string apiField)
    {
        var field = apiField.StartsWith("$.", StringComparison.Ordinal) ? apiField[2..] : apiField;
        var bracket = field.IndexOf('[');
        if (bracket >= 0) field = field[..bracket];
        return field.ToLowerInvariant() switch
        {
            MenuTable.Attributes.ProductName => nameof(Name),
            MenuTable.Attributes.Price => nameof(Price),
            MenuTable.Attributes.Description => nameof(Description),
            MenuTable.Attributes.ProductGroup => nameof(Group),
            MenuTable.Attributes.Tags => nameof(Tags),
            _ => null,
        };
    }

    private MenuItem ToMenuItem() => new()
    {
        // Checked as sent: the form trims the name it sends (ToNewItem), and the Api refuses a padded one.
        ProductName = Name.Trim(),
        Description = NullIfBlank(Description),
        Price = ParsedPrice ?? 0m,
        ProductGroup = NullIfBlank(Group),
        Tags = TagList,
    };

    private static string? NullIfBlank(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
