using System.Text.Json;
using CafeMenu.Menu;

namespace CafeMenu.Reliability;

/// <summary>One generated request: <c>{target}</c> in the path names a fresh item written raw before it, <c>{etag}</c> its ETag.</summary>
internal sealed record HostileRequest(string Method, string Path, string? Body, string? IfMatch)
{
    public bool NeedsTarget => Path.Contains("{target}", StringComparison.Ordinal);
}

/// <summary>
/// Issue 16's generated cases over the menu routes: each hostile value in every body field of a create, a batch and a
/// PATCH, as the name in the path of every item route, as every query option of the listings and as If-Match of every
/// write; hostile prices on every route that takes one; hostile If-Match values on every write.
/// </summary>
internal static class HostileInputCases
{
    /// <summary>Values that are hostile somewhere: huge, padded, unicode-tricky, null, encoded delimiters, dot segments.</summary>
    internal static readonly string[] Values =
    [
        "", " ", "  Latte  ", "Latte ", " Latte", "Cafe\u0301", "\u0000", "A\u0000B", "\u001b[31m", "\uD800", "\uDC00x", "\u200B", "\u200F",
        "\u202Eevil", "%00", "%2F", "%252F", "a/b", "..", ".", "../..", "%2E%2E", "x?y", "x#y", "<script>", "'; DROP", "\\", "null",
        new string('n', 256), new string('n', 2100), "Latte" + new string(' ', 5000), new string('é', 300), string.Concat(Enumerable.Repeat("😀", 200)),
        "specials", "SPECIALS", "1E+400", "-1",
    ];

    internal static readonly string[] Prices = ["-0.01", "1.001", "1E-130", "0.0000000000000000000000000000001", "1E+126", "1E+27", "\"abc\"", "null", "true", "[]", "{}", "\"\"", "1e99999999"];

    /// <summary>If-Match values beside the hostile values that can be sent as a header: the star, the target's own tag, weak, foreign, malformed, too many.</summary>
    internal static readonly string[] IfMatches =
    [
        "*", "\"1\"", "W/\"1\"", "\"-1\"", "\"1.0\"", "\"99999999999999999999\"", "\"\"", "\"", "1", "\"1\", *", "\"1\" \"2\"",
        string.Join(",", Enumerable.Range(100, 101).Select(n => $"\"{n}\"")), "\"" + new string('x', 5000) + "\"",
    ];

    /// <summary>The item a case names as {target}: written raw before the case, at version 1, and removed after it.</summary>
    internal const string Target = "Hostile target";

    internal static Dictionary<string, HostileRequest> Build()
    {
        var cases = new Dictionary<string, HostileRequest>();
        void Add(string name, string method, string path, string? body = null, string? ifMatch = null) => cases.Add(name, new(method, path, body, ifMatch));
        const string target = "/menu/{target}";

        for (var i = 0; i < Values.Length; i++)
        {
            var v = Values[i];
            var text = S(v);
            var segment = "/menu/" + ProductName.UrlSegment(v);
            var query = ProductName.UrlSegment(v);

            // Every field of a create, a batch and a PATCH.
            Add($"POST product_name #{i}", "POST", "/menu", $$"""{"product_name":{{text}},"price":1}""");
            Add($"POST description #{i}", "POST", "/menu", $$"""{"product_name":"Hostile description {{i}}","price":1,"description":{{text}}}""");
            Add($"POST product_group #{i}", "POST", "/menu", $$"""{"product_name":"Hostile group {{i}}","price":1,"product_group":{{text}}}""");
            Add($"POST tag #{i}", "POST", "/menu", $$"""{"product_name":"Hostile tag {{i}}","price":1,"tags":[{{text}}]}""");
            // Padding must not get text past a limit: trimmed first, then checked.
            Add($"POST padded tag #{i}", "POST", "/menu", $$"""{"product_name":"Hostile padded {{i}}","price":1,"tags":[{{S(v + new string(' ', 60))}},{{S(new string('t', 51))}}]}""");
            Add($"POST padded group #{i}", "POST", "/menu", $$"""{"product_name":"Hostile padded group {{i}}","price":1,"product_group":{{S(v + new string('g', 101))}}}""");
            Add($"POST product_id #{i}", "POST", "/menu", $$"""{"product_name":"Hostile id {{i}}","price":1,"product_id":{{text}}}""");
            Add($"POST special #{i}", "POST", "/menu", $$"""{"product_name":"Hostile special {{i}}","price":1,"special":{{text}}}""");
            Add($"POST field named #{i}", "POST", "/menu", $$"""{"product_name":"Hostile field {{i}}","price":1,{{text}}:1}""");
            Add($"batch name beside null #{i}", "POST", "/menu/batch", $$"""[{"product_name":{{text}},"price":1},null]""");
            Add($"batch fields #{i}", "POST", "/menu/batch",
                $$"""[{"product_name":"Hostile batch {{i}}","price":1,"description":{{text}},"product_group":{{text}},"tags":[{{text}}]}]""");
            Add($"PATCH description #{i}", "PATCH", target, $$"""{"description":{{text}}}""", "{etag}");
            Add($"PATCH product_group #{i}", "PATCH", target, $$"""{"product_group":{{text}}}""", "{etag}");
            Add($"PATCH tags #{i}", "PATCH", target, $$"""{"tags":[{{text}}]}""", "{etag}");
            Add($"PATCH tags beside Tags #{i}", "PATCH", target, $$"""{"tags":[{{text}}],"Tags":[]}""", "{etag}");

            // The name in the path of every item route (a stale If-Match, so that no write can happen).
            Add($"GET path #{i}", "GET", segment);
            Add($"PATCH path #{i}", "PATCH", segment, """{"price":1}""", "\"999\"");
            Add($"DELETE path #{i}", "DELETE", segment, ifMatch: "\"999\"");
            Add($"PUT special path #{i}", "PUT", segment + "/special", ifMatch: "\"999\"");
            Add($"DELETE special path #{i}", "DELETE", segment + "/special", ifMatch: "\"999\"");

            // Every query option of the listings.
            Add($"GET limit #{i}", "GET", $"/menu?limit={query}");
            Add($"GET group #{i}", "GET", $"/menu?group={query}");
            Add($"GET cursor #{i}", "GET", $"/menu?cursor={query}");
            Add($"GET specials limit and cursor #{i}", "GET", $"/menu/specials?limit={query}&cursor={query}");

            // If-Match of every write, where the value can be sent as a header at all.
            if (Sendable(v)) AddIfMatchCases($"#{i}", v);
        }

        for (var i = 0; i < Prices.Length; i++)
        {
            Add($"POST price #{i}", "POST", "/menu", $$"""{"product_name":"Hostile price {{i}}","price":{{Prices[i]}}}""");
            Add($"batch price #{i}", "POST", "/menu/batch", $$"""[{"product_name":"Hostile batch price {{i}}","price":{{Prices[i]}}}]""");
            Add($"PATCH price #{i}", "PATCH", target, $$"""{"price":{{Prices[i]}}}""", "{etag}");
        }

        for (var i = 0; i < IfMatches.Length; i++) AddIfMatchCases($"value #{i}", IfMatches[i]);

        Add("GET noncanonical names", "GET", "/maintenance/noncanonical-names");
        return cases;

        void AddIfMatchCases(string label, string ifMatch)
        {
            Add($"If-Match on PATCH {label}", "PATCH", target, """{"price":9.99}""", ifMatch);
            Add($"If-Match on PUT special {label}", "PUT", target + "/special", ifMatch: ifMatch);
            Add($"If-Match on DELETE special {label}", "DELETE", target + "/special", ifMatch: ifMatch);
            Add($"If-Match on DELETE {label}", "DELETE", target, ifMatch: ifMatch);
            Add($"If-Match on POST {label}", "POST", "/menu", $$"""{"product_name":"Hostile if-match {{label}}","price":1}""", ifMatch);
        }
    }

    private static string S(string value) => JsonSerializer.Serialize(value);

    /// <summary>Header values must be visible ASCII to be sent at all; other values are covered in bodies, paths and queries.</summary>
    internal static bool Sendable(string value) => value.All(c => c is >= ' ' and <= '~') && value.Trim().Length > 0;
}
