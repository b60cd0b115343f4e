using System.Text;

namespace CafeMenu.Menu;

/// <summary>
/// The one rule for a product name, the table's key, for the Api and the Loader alike: Unicode NFC, no leading or
/// trailing whitespace, no control characters, valid Unicode, 1 to <see cref="MaxLength"/> UTF-16 characters, and not a
/// word the Api's own routes take under <c>/menu/</c>. Names that break it are refused, never rewritten: a key that is
/// silently changed no longer matches the caller's records, and two spellings of one name would reach one item.
/// </summary>
public static class ProductName
{
    public const int MaxLength = 255;

    /// <summary><c>GET /menu/specials</c> is the specials listing (routes match case-insensitively), so no product may take the name.</summary>
    public static readonly IReadOnlyList<string> Reserved = ["specials"];

    /// <summary>Every rule the name breaks, as sentences naming the rule; empty when the name is canonical.</summary>
    public static IEnumerable<string> Problems(string? name)
    {
        if (string.IsNullOrEmpty(name) || string.IsNullOrWhiteSpace(name))
        {
            yield return "product_name is required and must not be blank.";
            yield break;
        }

        if (name.Length > MaxLength) yield return $"product_name must be at most {MaxLength} characters (got {name.Length:N0}).";
        if (char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]))
            yield return "product_name must not start or end with whitespace; send it trimmed.";
        if (name.Any(char.IsControl)) yield return "product_name must not contain control characters.";
        if (Text.HasLoneSurrogate(name)) yield return "product_name must be valid Unicode text.";
        // IsNormalized throws on lone surrogates, which the rule above already reports.
        else if (!name.IsNormalized(NormalizationForm.FormC))
            yield return "product_name must be in Unicode NFC: compose accents with their letters (U+00E9 'é', not 'e' + U+0301).";
        if (Reserved.Contains(name, StringComparer.OrdinalIgnoreCase))
            yield return $"product_name must not be '{name}': GET /menu/{name} is a listing of the Api.";
    }

    public static bool IsCanonical(string? name) => !Problems(name).Any();

    /// <summary>
    /// The name as one path segment, the one URL scheme of item addresses: every character but RFC 3986's unreserved
    /// ones percent-encoded (so '/' is %2F and '%' is %25), and the dot segments '.' and '..' written as %2E so that no
    /// client or server removes them. The Api decodes this segment exactly once.
    /// </summary>
    public static string UrlSegment(string name)
    {
        var escaped = Uri.EscapeDataString(name);
        return escaped is "." or ".." ? escaped.Replace(".", "%2E", StringComparison.Ordinal) : escaped;
    }

    /// <summary>The item's address relative to the Api's root: <c>/menu/{segment}</c>.</summary>
    public static string ItemPath(string name) => "/menu/" + UrlSegment(name);
}
