using System.Net;
using System.Text;
using System.Text.Json;
using CafeMenu.Api.Tests;
using CafeMenu.Menu;

namespace CafeMenu.Reliability;

/// <summary>
/// Issue 16's generated suite: hostile values in every field of every route. No answer is a 500, every error is
/// problem+json, and a raw Scan before and after differs only by what a 2xx answer claims.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class HostileInputTests(BadInputApi fixture) : IClassFixture<BadInputApi>
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

    public static TheoryData<string> Cases => new(Build().Keys);

    private static Dictionary<string, (string Method, string Path, string? Body, string? IfMatch)> Build()
    {
        var cases = new Dictionary<string, (string, string, string?, string?)>();
        string S(string v) => JsonSerializer.Serialize(v);
        for (var i = 0; i < Values.Length; i++)
        {
            var v = Values[i];
            cases[$"POST name #{i}"] = ("POST", "/menu", $$"""{"product_name":{{S(v)}},"price":1}""", null);
            cases[$"POST tag #{i}"] = ("POST", "/menu", $$"""{"product_name":"Hostile tag {{i}}","price":1,"tags":[{{S(v + new string(' ', 60))}},{{S(new string('t', 51))}}]}""", null);
            cases[$"POST group #{i}"] = ("POST", "/menu", $$"""{"product_name":"Hostile group {{i}}","price":1,"product_group":{{S(v + new string('g', 101))}}}""", null);
            cases[$"batch name #{i}"] = ("POST", "/menu/batch", $$"""[{"product_name":{{S(v)}},"price":1},null]""", null);
            cases[$"PATCH tags #{i}"] = ("PATCH", "/menu/Latte", $$"""{"tags":[{{S(v)}}],"Tags":[]}""", "{etag}");
            var segment = ProductName.UrlSegment(v);
            cases[$"GET path #{i}"] = ("GET", "/menu/" + segment, null, null);
            cases[$"DELETE path #{i}"] = ("DELETE", "/menu/" + segment, null, "\"999\"");
            cases[$"PUT special path #{i}"] = ("PUT", "/menu/" + segment + "/special", null, "\"999\"");
        }

        for (var i = 0; i < Prices.Length; i++)
        {
            cases[$"POST price #{i}"] = ("POST", "/menu", $$"""{"product_name":"Hostile price {{i}}","price":{{Prices[i]}}}""", null);
            cases[$"PATCH price #{i}"] = ("PATCH", "/menu/Latte", $$"""{"price":{{Prices[i]}}}""", "{etag}");
        }

        cases["PATCH 101 ETags"] = ("PATCH", "/menu/Latte", """{"price":9}""", string.Join(",", Enumerable.Range(100, 101).Select(n => $"\"{n}\"")));
        cases["PUT special stale"] = ("PUT", "/menu/Latte/special", null, "\"999\"");
        cases["DELETE special stale"] = ("DELETE", "/menu/Flat%20white/special", null, "\"999\"");
        return cases;
    }

    [Fact]
    public void The_generated_suite_holds_at_least_200_requests() => Assert.InRange(Build().Count, 200, int.MaxValue);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_value_never_gets_a_500_every_error_is_problem_json_and_only_a_2xx_changes_the_table(string name)
    {
        var (method, path, body, ifMatch) = Build()[name];
        var api = fixture.Api;
        var before = await RawTable.ScanAsync(api);
        using var client = api.CreateClient();
        // Sent as written, without .NET's path canonicalisation, which would drop %2E%2E (see Http.Url).
        using var request = new HttpRequestMessage(new HttpMethod(method),
            new Uri(client.BaseAddress!.GetLeftPart(UriPartial.Authority) + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch.Replace("{etag}", fixture.Values["etag"], StringComparison.Ordinal));

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}: {text}");
        var after = await RawTable.ScanAsync(api);
        if (path.Contains("%00", StringComparison.Ordinal) || path.Length > 8 * 1024)
        {
            // Kestrel refuses a NUL in the path (400) and a request line over 8 KB (414) before any middleware runs.
            Assert.Contains((int)response.StatusCode, new[] { 400, 414 });
            Assert.Equal(before, after);
            return;
        }

        if (!response.IsSuccessStatusCode || method == "GET")
        {
            if (!response.IsSuccessStatusCode) Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(before, after);
            return;
        }

        // A 2xx: the item it names is stored as answered, and nothing else changed; then it is removed again.
        using var json = JsonDocument.Parse(text);
        var claimed = json.RootElement.GetProperty(MenuTable.Attributes.ProductName).GetString()!;
        var stored = (await RawTable.GetAsync(api, claimed))!;
        Assert.Equal(json.RootElement.GetProperty("price").GetDecimal(), decimal.Parse(stored["price"].N, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(before.Where(i => i.Key != claimed), after.Where(i => i.Key != claimed));
        using var dynamo = fixture.Dynamo.CreateClient();
        await dynamo.DeleteItemAsync(api.TableName, MenuItemMapper.Key(claimed));
    }
}
