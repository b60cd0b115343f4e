using System.Net;
using CafeMenu.Menu;
using CafeMenu.TestSupport;
using static CafeMenu.Api.Tests.Http;

namespace CafeMenu.Api.Tests;

/// <summary>Issue 15: one canonical form for a name, and every accepted name reachable by its own URL and no other.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class ItemAddressTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Every_name_of_the_set_is_created_read_updated_and_deleted_through_its_own_url_touching_no_other_item()
    {
        foreach (var name in AddressNames.All)
        {
            var created = await _client.PostAsync("/menu", Json(Item(name)));
            Assert.True(HttpStatusCode.Created == created.StatusCode, $"{name}: {await created.Content.ReadAsStringAsync()}");
            Assert.Equal(ProductName.ItemPath(name), created.Headers.Location!.OriginalString);
        }

        foreach (var name in AddressNames.All)
        {
            var before = await RawTable.ScanAsync(api);
            var read = await _client.GetAsync(_client.Url(name));
            Assert.True(HttpStatusCode.OK == read.StatusCode, $"GET {name}: {(int)read.StatusCode}");
            Assert.Equal(name, (await read.ReadJsonAsync()).GetProperty("product_name").GetString());

            using var patch = new HttpRequestMessage(HttpMethod.Patch, _client.Url(name)) { Content = Json("""{"price":7.25}""") };
            patch.Headers.TryAddWithoutValidation("If-Match", read.ETag());
            Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(patch)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await _client.PutAsync(_client.Url(name, "/special"), null)).StatusCode);
            var changed = await RawTable.ScanAsync(api);
            Assert.Equal("7.25", (await RawTable.GetAsync(api, name))!["price"].N);
            Assert.Equal(before.Where(i => i.Key != name), changed.Where(i => i.Key != name));

            using var delete = new HttpRequestMessage(HttpMethod.Delete, _client.Url(name));
            delete.Headers.TryAddWithoutValidation("If-Match", "\"3\"");
            Assert.Equal(HttpStatusCode.NoContent, (await _client.SendAsync(delete)).StatusCode);
            var after = await RawTable.ScanAsync(api);
            Assert.False(after.ContainsKey(name));
            Assert.Equal(before.Where(i => i.Key != name), after);
        }
    }

    [Fact]
    public async Task The_transcript_of_issue_15_reaches_the_item_its_url_names_and_no_other()
    {
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/menu", Json(Item("T/B")))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/menu", Json(Item("T%2FB")))).StatusCode);

        var read = await _client.GetAsync("/menu/T%252FB");
        Assert.Equal("T%2FB", (await read.ReadJsonAsync()).GetProperty("product_name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync("/menu/T%252FB", "\"1\"")).StatusCode);

        Assert.Null(await RawTable.GetAsync(api, "T%2FB"));
        Assert.NotNull(await RawTable.GetAsync(api, "T/B"));
        Assert.Equal("T/B", (await (await _client.GetAsync("/menu/T%2FB")).ReadJsonAsync()).GetProperty("product_name").GetString());
        // A slash that is not encoded separates segments: no item route has two.
        await (await _client.GetAsync("/menu/T/B")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Through_a_proxy_the_absolute_form_target_reaches_the_item_its_url_names_and_no_other()
    {
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/menu", Json(Item("P/B")))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/menu", Json(Item("P%2FB")))).StatusCode);
        // A client configured with a proxy sends "GET http://host/menu/P%252FB HTTP/1.1"; here the Api is its own proxy.
        using var proxied = new HttpClient(new SocketsHttpHandler { Proxy = new ProxyAt(_client.BaseAddress!), UseProxy = true });

        var read = await proxied.GetAsync(_client.Url("P%2FB"));
        Assert.Equal("P%2FB", (await read.ReadJsonAsync()).GetProperty("product_name").GetString());
        using var delete = new HttpRequestMessage(HttpMethod.Delete, _client.Url("P%2FB"));
        Assert.Equal(HttpStatusCode.NoContent, (await proxied.SendAsync(delete)).StatusCode);

        Assert.Null(await RawTable.GetAsync(api, "P%2FB"));
        Assert.NotNull(await RawTable.GetAsync(api, "P/B"));
    }

    [Theory]
    // Written dots are dot segments (RFC 3986): "/menu/.." is "/" and "/menu/./special" is "/menu/special".
    [InlineData("/menu/..")]
    [InlineData("/menu/.")]
    [InlineData("/menu/./special")]
    [InlineData("/menu/../special")]
    // A path that leads under /menu/ only once Kestrel has decoded it is matched as sent, so no name is decoded twice.
    [InlineData("/x/%2E%2E/menu/D%252FB")]
    [InlineData("/%6Denu/D%252FB")]
    public async Task A_url_that_is_not_an_items_own_address_deletes_no_item(string path)
    {
        string[] names = [".", "..", "D/B", "D%2FB"];
        foreach (var name in names) await _client.PostAsync("/menu", Json(Item(name)));
        try
        {
            var before = await RawTable.ScanAsync(api);
            Assert.All(names, name => Assert.True(before.ContainsKey(name), name));

            foreach (var method in new[] { HttpMethod.Delete, HttpMethod.Put })
            {
                using var request = new HttpRequestMessage(method, new Uri(_client.BaseAddress!.GetLeftPart(UriPartial.Authority) + path,
                    new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true }));
                var answer = await _client.SendAsync(request);
                Assert.False(answer.IsSuccessStatusCode, $"{method} {path} answered {(int)answer.StatusCode}");
            }

            Assert.Equal(before, await RawTable.ScanAsync(api));
        }
        finally
        {
            // The other tests of the class create some of these names themselves.
            foreach (var name in names) await _client.DeleteAsync(_client.Url(name));
        }
    }

    [Fact]
    public async Task A_name_of_two_dots_is_not_removed_as_a_dot_segment()
    {
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/menu", Json(Item("..")))).StatusCode);

        var read = await _client.GetAsync(_client.Url(".."));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("..", (await read.ReadJsonAsync()).GetProperty("product_name").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync(_client.Url(".."))).StatusCode);
    }

    [Theory]
    [InlineData("Latte", "Latte ")]
    [InlineData("Lead", " Lead")]
    [InlineData("Caf\u00e9", "Cafe\u0301")]
    public async Task A_look_alike_of_a_name_is_refused_with_400_naming_the_rule_so_one_product_stays_one(string name, string lookAlike)
    {
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/menu", Json(Item(name)))).StatusCode);

        var problem = await (await _client.PostAsync("/menu", Json(Item(lookAlike)))).AssertProblemAsync(HttpStatusCode.BadRequest);
        var batch = await (await _client.PostAsync("/menu/batch", Json($"[{Item(lookAlike)}]"))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Matches("whitespace|NFC", problem.GetProperty("errors").GetProperty("product_name")[0].GetString());
        Assert.True(batch.GetProperty("errors").TryGetProperty("[0].product_name", out _));
        Assert.Null(await RawTable.GetAsync(api, lookAlike));
        foreach (var method in new[] { "GET", "PATCH", "DELETE" })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), Path(lookAlike));
            if (method == "PATCH") request.Content = Json("""{"price":1}""");
            request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
            var refused = await (await _client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty("product_name", out _));
        }

        Assert.NotNull(await RawTable.GetAsync(api, name));
    }

    [Theory]
    // /menu/a%00b never reaches the Api: Kestrel refuses a NUL in the path while parsing the request line (BadInputCases).
    [InlineData("/menu/%C3%28")]
    public async Task A_path_that_decodes_to_no_valid_name_is_a_problem_json_400(string path)
    {
        var problem = await (await _client.GetAsync(path)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("product_name", out _));
    }

    [Fact]
    public async Task Stored_names_that_break_the_rule_are_listed_and_left_as_they_are()
    {
        await RawTable.PutAsync(api, new() { ["product_name"] = new() { S = "Legacy " }, ["price"] = new() { N = "1" } });
        await RawTable.PutAsync(api, new() { ["product_name"] = new() { S = "Cafe\u0301 old" }, ["price"] = new() { N = "1" } });

        var listed = await (await _client.GetAsync("/maintenance/noncanonical-names")).ReadJsonAsync();

        var names = listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("product_name").GetString()).ToList();
        Assert.Contains("Legacy ", names);
        Assert.Contains("Cafe\u0301 old", names);
        Assert.NotNull(await RawTable.GetAsync(api, "Legacy "));
    }

    /// <summary>A proxy that is never bypassed, not even for loopback, so the request goes out in absolute form.</summary>
    private sealed class ProxyAt(Uri address) : IWebProxy
    {
        public ICredentials? Credentials { get; set; }

        public Uri GetProxy(Uri destination) => address;

        public bool IsBypassed(Uri host) => false;
    }
}
