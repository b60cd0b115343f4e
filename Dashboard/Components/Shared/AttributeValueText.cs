using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Dashboard.Components.Shared;

/// <summary>Shows a DynamoDB attribute value compactly: numbers by their own digits, lists and maps as JSON-like text.</summary>
internal static class AttributeValueText
{
    public static string Format(AttributeValue? value)
    {
        if (value is null) return "";
        if (value.S is not null) return value.S;
        if (value.N is not null) return value.N;
        if (value.BOOL is { } b) return b ? "true" : "false";
        if (value.NULL == true) return "null";
        if (value.SS is { Count: > 0 }) return "{" + string.Join(", ", value.SS) + "}";
        if (value.NS is { Count: > 0 }) return "{" + string.Join(", ", value.NS) + "}";
        if (value.L is not null) return "[" + string.Join(", ", value.L.Select(Format)) + "]";
        if (value.M is not null) return "{" + string.Join(", ", value.M.Select(kv => $"{kv.Key}: {Format(kv.Value)}")) + "}";
        if (value.B is not null) return $"<{value.B.Length.ToString(CultureInfo.InvariantCulture)} bytes>";
        return "";
    }
}
