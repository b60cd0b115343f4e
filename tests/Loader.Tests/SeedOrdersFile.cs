using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Hosting.DynamoDBLocal;
using CafeMenu.Loader.Input;
using CafeMenu.Menu;

namespace CafeMenu.Loader.Tests;

/// <summary>data/orders.json as the Loader reads it (its own reader and converter), and the seed menu its lines refer to.</summary>
internal static class SeedOrdersFile
{
    public static readonly string Path = System.IO.Path.Combine(DynamoDBLocalInstallation.FindRepositoryRoot(), "data", "orders.json");

    /// <summary>Every record of the file converted to the attribute values the Loader writes; a record it cannot read fails the test.</summary>
    public static List<Dictionary<string, AttributeValue>> Items() =>
        new RecordSource(Path, InputFormat.Json).Read()
            .Select(r => r.Item ?? throw new InvalidOperationException($"{Path}:{r.Line}: {r.Problem?.Reason}"))
            .ToList();

    public static Dictionary<string, MenuItem> Menu() =>
        JsonSerializer.Deserialize<List<MenuItem>>(
                File.ReadAllText(System.IO.Path.Combine(DynamoDBLocalInstallation.FindRepositoryRoot(), "data", "menu.json")), MenuJson.Options)!
            .ToDictionary(i => i.ProductName, StringComparer.Ordinal);

    /// <summary>
    /// An item as DynamoDB JSON to compare exactly, names, types, strings and all, except what DynamoDB does not keep: a
    /// number's own digits (it stores the value; DynamoDB Local 3.3.1 gives 8.00 back as 8 at the top level and 2.60 inside
    /// a map as sent), and the order of a map's entries. Numbers are written in a canonical form of their value, maps sorted.
    /// </summary>
    public static string Comparable(Dictionary<string, AttributeValue> item) => LoaderRun.Canonical(Normalized(item));

    private static Dictionary<string, AttributeValue> Normalized(Dictionary<string, AttributeValue> map) =>
        map.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => Normalized(p.Value), StringComparer.Ordinal);

    private static AttributeValue Normalized(AttributeValue value) =>
        value.N is { } n ? new AttributeValue { N = Validation.ItemKey.CanonicalNumber(n) }
        : value.L is { } list ? new AttributeValue { L = list.Select(Normalized).ToList() }
        : value.M is { } map ? new AttributeValue { M = Normalized(map) }
        : value;
}
