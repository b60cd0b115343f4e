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

    public static MenuItem FromAttributes(IReadOnlyDictionary<string, AttributeValue> attributes) => new()
    {
        ProductName = attributes[A.ProductName].S,
        ProductId = attributes.TryGetValue(A.ProductId, out var id) && id.N is not null ? long.Parse(id.N, CultureInfo.InvariantCulture) : null,
        Description = attributes.TryGetValue(A.Description, out var d) ? d.S : null,
        Price = attributes.TryGetValue(A.Price, out var p) && p.N is not null ? ParseDecimal(p.N) : 0m,
        ProductGroup = attributes.TryGetValue(A.ProductGroup, out var g) ? g.S : null,
        Tags = ReadTags(attributes),
        Special = attributes.TryGetValue(A.Special, out var s) && s.N == MenuTable.SpecialOn ? 1 : null,
        // Items written by other tools may lack a version; they count as version 0.
        Version = attributes.TryGetValue(A.Version, out var v) && v.N is not null ? long.Parse(v.N, CultureInfo.InvariantCulture) : 0,
        UpdatedAt = attributes.TryGetValue(A.UpdatedAt, out var u) && u.S is not null
            && DateTimeOffset.TryParse(u.S, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null,
    };

    public static Dictionary<string, AttributeValue> Key(string productName) => new() { [A.ProductName] = new() { S = productName } };

    public static AttributeValue Number(decimal value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Number(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    /// <summary>Parses DynamoDB's number text (which may use an exponent) as an exact decimal.</summary>
    public static decimal ParseDecimal(string number) =>
        decimal.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> ReadTags(IReadOnlyDictionary<string, AttributeValue> attributes)
    {
        if (!attributes.TryGetValue(A.Tags, out var tags)) return [];
        if (tags.L is { } list) return list.Where(t => t.S is not null).Select(t => t.S).ToList();
        if (tags.SS is { } set) return set.ToList();
        return [];
    }
}
