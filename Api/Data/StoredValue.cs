using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Api.Data;

/// <summary>Whether a value read back from DynamoDB is the value written: numbers by value, since DynamoDB stores 4.00 as 4.</summary>
internal static class StoredValue
{
    public static bool Same(AttributeValue stored, AttributeValue written)
    {
        if (written.S is not null) return stored.S == written.S;
        if (written.N is not null) return stored.N is not null && SameNumber(stored.N, written.N);
        if (written.BOOL is { } flag) return stored.BOOL == flag;
        if (written.NULL is true) return stored.NULL is true;
        if (written.L is not null) return stored.L is not null && stored.L.Count == written.L.Count && stored.L.Zip(written.L).All(p => Same(p.First, p.Second));
        if (written.M is not null)
        {
            return stored.M is not null && stored.M.Count == written.M.Count
                && written.M.All(p => stored.M.TryGetValue(p.Key, out var s) && Same(s, p.Value));
        }

        if (written.SS is not null) return stored.SS is not null && stored.SS.ToHashSet().SetEquals(written.SS);
        if (written.NS is not null)
        {
            return stored.NS is not null && stored.NS.Count == written.NS.Count && written.NS.All(w => stored.NS.Any(s => SameNumber(s, w)));
        }

        return false; // binary and empty values: the menu writes none, so no stored value is taken for one
    }

    private static bool SameNumber(string stored, string written) =>
        decimal.TryParse(stored, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
        && decimal.TryParse(written, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            ? a == b
            : stored == written;
}
