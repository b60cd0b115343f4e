using CafeMenu.Menu;

namespace CafeMenu.Web.Models;

/// <summary>What a guest searches for: text in name or description, a product group, a tag. Empty parts match everything.</summary>
public sealed record MenuFilter(string? Text = null, string? Group = null, string? Tag = null)
{
    public static MenuFilter From(string? text, string? group, string? tag) => new(Clean(text), Clean(group), Clean(tag));

    public bool IsEmpty => Text is null && Group is null && Tag is null;

    /// <summary>The group is filtered by the Api (the <c>group</c> query parameter); text and tag are checked here.</summary>
    public bool Matches(MenuItem item) =>
        (Group is null || string.Equals(item.ProductGroup, Group, StringComparison.OrdinalIgnoreCase))
        && (Tag is null || item.Tags.Any(t => string.Equals(t, Tag, StringComparison.OrdinalIgnoreCase)))
        && (Text is null || Contains(item.ProductName, Text) || Contains(item.Description, Text));

    private static bool Contains(string? haystack, string needle) => haystack?.Contains(needle, StringComparison.OrdinalIgnoreCase) == true;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
