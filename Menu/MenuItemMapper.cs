using System.Globalization;
using Amazon.DynamoDBv2.Model;
using A = CafeMenu.Menu.MenuTable.Attributes;

namespace CafeMenu.Menu;

/// <summary>Maps <see cref="MenuItem"/> to and from DynamoDB attribute values; numbers go through invariant text, never through double.</summary>
public static class MenuItemMapper
{
    public static Dictionary<string, AttributeValue> ToAttributes(MenuItem item)
    {
        var attributes = new Dictionary<string, AttributeValue>
        {
            [A.ProductName] = new() { S = item.ProductName },
            [A.Price] = Number(item.Price),
            [A.Version] = Number(item.Version),
        };
        if (item.ProductId is { } id) attributes[A.ProductId] = Number(id);
        if (!string.IsNullOrEmpty(item.Description)) attributes[A.Description] = new() { S = item.Description };
        if (!string.IsNullOrEmpty(item.ProductGroup)) attributes[A.ProductGroup] = new() { S = item.ProductGroup };
        // An empty list is stored as an empty L: DynamoDB forbids empty string sets, not empty lists.
        attributes[A.Tags] = new() { L = item.Tags.Select(t => new AttributeValue { S = t }).ToList() };
        if (item.IsSpecial) attributes[A.Special] = new() { N = MenuTable.SpecialOn };
        if (item.UpdatedAt is { } at) attributes[A.UpdatedAt] = new() { S = at.ToString("O", CultureInfo.InvariantCulture) };
        return attributes;
    }

    /// <summary>The item; throws <see cref="InvalidDataException"/> when <see cref="TryFromAttributes"/> would refuse it.</summary>
    public static MenuItem FromAttributes(IReadOnlyDictionary<string, AttributeValue> attributes) =>
        TryFromAttributes(attributes, out var item, out var problem) ? item : throw new InvalidDataException(problem);

    /// <summary>
    /// Reads a stored item, or says why a <see cref="MenuItem"/> cannot represent it: DynamoDB and the Loader take numbers
    /// (a price of 1E+100, 38 digits) that decimal cannot hold exactly, and other tools may write any type. Nothing is rounded.
    /// </summary>
    public static bool TryFromAttributes(IReadOnlyDictionary<string, AttributeValue> attributes,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MenuItem? item, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        item = null;
        problem = null;
        if (!attributes.TryGetValue(A.ProductName, out var name) || name.S is null) problem = $"{A.ProductName} is not a string";
        else if (attributes.TryGetValue(A.Price, out var p) && !(p.N is { } price && ExactDecimal.TryParse(price, out _)))
            problem = $"{A.Price} {Describe(p)} is not a number a decimal holds exactly";
        else if (!IsLongOrAbsent(attributes, A.ProductId)) problem = $"{A.ProductId} {Describe(attributes[A.ProductId])} is not a whole number";
        else if (!IsLongOrAbsent(attributes, A.Version)) problem = $"{A.Version} {Describe(attributes[A.Version])} is not a whole number";
        if (problem is not null) return false;

        item = new MenuItem
        {
            ProductName = name!.S!,
            ProductId = attributes.TryGetValue(A.ProductId, out var id) ? long.Parse(id.N, CultureInfo.InvariantCulture) : null,
            Description = attributes.TryGetValue(A.Description, out var d) ? d.S : null,
            Price = attributes.TryGetValue(A.Price, out var stored) && ExactDecimal.TryParse(stored.N ?? "", out var exact) ? exact : 0m,
            ProductGroup = attributes.TryGetValue(A.ProductGroup, out var g) ? g.S : null,
            Tags = ReadTags(attributes),
            Special = attributes.TryGetValue(A.Special, out var s) && s.N == MenuTable.SpecialOn ? 1 : null,
            // Items written by other tools may lack a version; they count as version 0.
            Version = attributes.TryGetValue(A.Version, out var v) ? long.Parse(v.N, CultureInfo.InvariantCulture) : 0,
            UpdatedAt = attributes.TryGetValue(A.UpdatedAt, out var u) && u.S is not null
                && DateTimeOffset.TryParse(u.S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null,
        };
        return true;
    }

    private static bool IsLongOrAbsent(IReadOnlyDictionary<string, AttributeValue> attributes, string name) =>
        !attributes.TryGetValue(name, out var value) || (value.N is { } n && long.TryParse(n, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));

    private static string Describe(AttributeValue value) => value.N is { } n ? $"N \"{(n.Length > 60 ? n[..60] + "..." : n)}\"" : "(not a number)";

    public static Dictionary<string, AttributeValue> Key(string productName) => new() { [A.ProductName] = new() { S = productName } };

    public static AttributeValue Number(decimal value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static IReadOnlyList<string> ReadTags(IReadOnlyDictionary<string, AttributeValue> attributes)
    {
        if (!attributes.TryGetValue(A.Tags, out var tags)) return [];
        if (tags.L is { } list) return list.Where(t => t.S is not null).Select(t => t.S).ToList();
        if (tags.SS is { } set) return set.ToList();
        return [];
    }
}
