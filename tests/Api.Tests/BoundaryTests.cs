using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Api.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using static CafeMenu.Api.Tests.Http;

namespace CafeMenu.Api.Tests;

/// <summary>Issue 16, finding by finding: each answer checked, and the item read back raw from DynamoDB Local.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class BoundaryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    private static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}"[..(prefix.Length + 9)];

    [Theory]
    [InlineData("0.0000000000000000000000000000001")]
    [InlineData("2.000000000000000000000000000001")]
    [InlineData("1E-130")]
    [InlineData("1.005")]
    [InlineData("\"0.001\"")]
    [InlineData("1E+27")]
    [InlineData("99999999999999999999999999999999999999")]
    [InlineData("1E+126")]
    public async Task A_price_that_is_not_exact_to_two_decimals_is_400_on_price_and_nothing_is_stored(string price)
    {
        var name = Unique("Rounded");

        var problem = await (await _client.PostAsync("/menu", Json(Item(name, price)))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("price", out _), problem.ToString());
        Assert.Null(await RawTable.GetAsync(api, name));
    }

    [Theory]
    [InlineData("0.0000000000000000000000000000001")]
    [InlineData("2.000000000000000000000000000001")]
    public async Task A_patch_with_an_inexact_price_is_400_and_leaves_the_stored_price(string price)
    {
        var name = Unique("Patched");
        var created = await _client.PostAsync("/menu", Json(Item(name, "2.50")));

        var problem = await (await _client.PatchAsync(Path(name), $$"""{"price":{{price}}}""", created.ETag())).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("price", out _));
        Assert.Equal("2.5", (await RawTable.GetAsync(api, name))!["price"].N);
    }

    [Theory]
    [InlineData("1E+2", "100.00", "100")]
    [InlineData("12.30", "12.30", "12.3")]
    [InlineData("99999999999999999999999999.99", "99999999999999999999999999.99", "99999999999999999999999999.99")]
    public async Task An_exact_price_is_stored_echoed_and_read_back_with_the_same_value(string price, string echoed, string stored)
    {
        var name = Unique("Exact");
        var created = await _client.PostAsync("/menu", Json(Item(name, price)));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(echoed, (await created.ReadJsonAsync()).GetProperty("price").GetRawText());
        Assert.Equal(echoed, (await (await _client.GetAsync(Path(name))).ReadJsonAsync()).GetProperty("price").GetRawText());
        Assert.Equal(stored, (await RawTable.GetAsync(api, name))!["price"].N);
    }

    [Fact]
    public async Task Padding_does_not_get_a_name_past_its_limit_and_nothing_is_stored()
    {
        var name = "Padded" + new string(' ', 1511);

        var problem = await (await _client.PostAsync("/menu", Json(Item(name)))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("product_name", out _));
        Assert.Null(await RawTable.GetAsync(api, name));
        Assert.Null(await RawTable.GetAsync(api, "Padded"));
    }

    [Fact]
    public async Task Tags_description_and_group_are_stored_trimmed_so_the_limits_apply_to_what_is_stored()
    {
        var name = Unique("Trimmed");
        var tag = "x" + new string(' ', 300_000);

        var created = await _client.PostAsync("/menu", Json(Item(name, extra: $"\"tags\":[\"{tag}\"],\"description\":\"  d  \",\"product_group\":\" Tea \"")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var raw = (await RawTable.GetAsync(api, name))!;
        Assert.Equal("x", Assert.Single(raw["tags"].L).S);
        Assert.Equal("d", raw["description"].S);
        Assert.Equal("Tea", raw["product_group"].S);
    }

    [Fact]
    public async Task A_blank_description_is_answered_as_it_is_stored_absent()
    {
        var name = Unique("Blank description");

        var created = await _client.PostAsync("/menu", Json(Item(name, extra: "\"description\":\"   \"")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await created.ReadJsonAsync()).GetProperty("description").ValueKind);
        Assert.False((await RawTable.GetAsync(api, name))!.ContainsKey("description"));
    }

    [Fact]
    public async Task A_patch_of_500_KB_of_tags_is_a_4xx_not_a_500_and_changes_nothing()
    {
        var name = Unique("Big tags");
        var created = await _client.PostAsync("/menu", Json(Item(name)));
        var before = RawTable.Render((await RawTable.GetAsync(api, name))!);
        var tags = string.Join(',', Enumerable.Range(0, 10).Select(_ => $"\"{new string('t', 50_000)}\""));

        var response = await _client.PatchAsync(Path(name), $$"""{"tags":[{{tags}}]}""", created.ETag());

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(before, RawTable.Render((await RawTable.GetAsync(api, name))!));
    }

    [Fact]
    public async Task A_patch_that_DynamoDB_refuses_for_the_item_size_is_400_not_500()
    {
        // An item another tool stored just under 400 KB; a valid PATCH would take it over.
        var name = Unique("Near limit");
        await RawTable.PutAsync(api, new()
        {
            ["product_name"] = new() { S = name },
            ["price"] = new() { N = "1" },
            ["version"] = new() { N = "1" },
            ["notes"] = new() { S = new string('n', 400 * 1024 - 200) },
        });

        var response = await _client.PatchAsync(Path(name), $$"""{"description":"{{new string('d', 2000)}}"}""", "\"1\"");

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("item", out _));
        Assert.False((await RawTable.GetAsync(api, name))!.ContainsKey("description"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("PUT")]
    public async Task A_name_in_the_path_longer_than_a_name_can_be_is_400_on_every_item_route(string method)
    {
        var path = Path(new string('n', 2100)) + (method == "PUT" ? "/special" : "");
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "PATCH") request.Content = Json("""{"price":1}""");
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        var problem = await (await _client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("255", problem.GetProperty("errors").GetProperty("product_name")[0].GetString());
    }

    [Theory]
    [InlineData("[null]", "[0]")]
    [InlineData("""[{"product_name":"Batch ok","price":1},null]""", "[1]")]
    public Task A_batch_with_null_elements_is_400_naming_their_position_and_writes_nothing(string body, string position) =>
        AssertRefusedNamingAsync("/menu/batch", body, position);

    [Fact]
    public async Task If_match_with_101_versions_is_400_and_with_100_is_compared()
    {
        var name = Unique("Etags");
        await _client.PostAsync("/menu", Json(Item(name)));
        string Tags(int count) => string.Join(", ", Enumerable.Range(2, count).Select(i => $"\"{i}\""));

        await (await _client.PatchAsync(Path(name), """{"price":9}""", Tags(101))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.DeleteAsync(Path(name), Tags(101))).AssertProblemAsync(HttpStatusCode.BadRequest);
        await (await _client.PatchAsync(Path(name), """{"price":9}""", Tags(100))).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(HttpStatusCode.OK, (await _client.PatchAsync(Path(name), """{"price":9}""", Tags(99) + ", \"1\"")).StatusCode);
        Assert.Equal("9", (await RawTable.GetAsync(api, name))!["price"].N);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task The_special_toggles_honour_if_match_and_a_false_one_is_412_with_nothing_written(string method)
    {
        var name = Unique("Toggle");
        var special = method == "DELETE" ? ",\"special\":1" : "";
        await _client.PostAsync("/menu", Json(Item(name).Replace("}", special + "}", StringComparison.Ordinal)));
        var before = RawTable.Render((await RawTable.GetAsync(api, name))!);

        using var stale = new HttpRequestMessage(new HttpMethod(method), Path(name) + "/special");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"999\"");
        var problem = await (await _client.SendAsync(stale)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(1, problem.GetProperty("current_version").GetInt64());
        Assert.Equal(before, RawTable.Render((await RawTable.GetAsync(api, name))!));

        using var current = new HttpRequestMessage(new HttpMethod(method), Path(name) + "/special");
        current.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(current)).StatusCode);
        Assert.Equal(method == "PUT", (await RawTable.GetAsync(api, name))!.ContainsKey("special"));
    }

    [Theory]
    [InlineData("/menu", """{"product_name":"Conditional create","price":1}""")]
    [InlineData("/menu/batch", """[{"product_name":"Conditional batch","price":1}]""")]
    [InlineData("/orders", """{"guest_id":"guest-if-match","pickup_name":"Ann","lines":[{"product_name":"Latte","quantity":1,"unit_price":3.5}]}""")]
    public async Task A_create_with_an_if_match_of_entity_tags_is_412_and_writes_nothing(string route, string body)
    {
        var menu = await RawTable.ScanAsync(api);
        var orders = await Orders.RawOrdersTableAsync(api);
        using var request = new HttpRequestMessage(HttpMethod.Post, route) { Content = Json(body) };
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        await (await _client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.PreconditionFailed);

        Assert.Equal(menu, await RawTable.ScanAsync(api));
        Assert.Equal(orders, await Orders.RawOrdersTableAsync(api));
    }

    [Fact]
    public async Task A_create_with_if_match_star_goes_ahead_and_a_malformed_one_is_400()
    {
        var name = Unique("Star create");
        using var malformed = new HttpRequestMessage(HttpMethod.Post, "/menu") { Content = Json(Item(name)) };
        malformed.Headers.TryAddWithoutValidation("If-Match", "1");
        await (await _client.SendAsync(malformed)).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Null(await RawTable.GetAsync(api, name));

        using var star = new HttpRequestMessage(HttpMethod.Post, "/menu") { Content = Json(Item(name)) };
        star.Headers.TryAddWithoutValidation("If-Match", "*");
        Assert.Equal(HttpStatusCode.Created, (await _client.SendAsync(star)).StatusCode);
        Assert.NotNull(await RawTable.GetAsync(api, name));
    }

    [Theory]
    [InlineData("""{"product_name":"Dup A","price":1,"Product_Name":"Dup B"}""", "Product_Name")]
    [InlineData("""{"PRODUCT_NAME":"Dup C","price":1}""", "PRODUCT_NAME")]
    [InlineData("""{"product_name":"Dup D","price":1,"price":2}""", "price")]
    public Task A_field_spelled_twice_or_in_another_case_is_400_naming_it_and_nothing_is_created(string body, string field) =>
        AssertRefusedNamingAsync("/menu", body, field);

    /// <summary>POSTs <paramref name="body"/>: a 400 whose errors name <paramref name="field"/>, and the table read raw is unchanged.</summary>
    private async Task AssertRefusedNamingAsync(string route, string body, string field)
    {
        var before = await RawTable.ScanAsync(api);

        var problem = await (await _client.PostAsync(route, Json(body))).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, await RawTable.ScanAsync(api));
    }

    [Fact]
    public async Task A_patch_with_price_and_Price_is_400_and_the_price_is_unchanged()
    {
        var name = Unique("Case patch");
        var created = await _client.PostAsync("/menu", Json(Item(name, "2")));

        var problem = await (await _client.PatchAsync(Path(name), """{"price":2,"Price":999}""", created.ETag())).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("Price", out _));
        Assert.Equal("2", (await RawTable.GetAsync(api, name))!["price"].N);
    }

    /// <summary>An item as a tool other than the Api may store it: a price of 1E+100, which no decimal holds.</summary>
    private Task PutUnrepresentableAsync(string name, bool special = true)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["product_name"] = new() { S = name },
            ["price"] = new() { N = "1E+100" },
            ["version"] = new() { N = "1" },
        };
        if (special) item["special"] = new() { N = "1" };
        return RawTable.PutAsync(api, item);
    }

    [Fact]
    public async Task One_stored_item_the_api_cannot_represent_is_left_out_of_lists_and_is_422_on_its_own_route()
    {
        var name = Unique("Unrepresentable");
        await PutUnrepresentableAsync(name);
        using var logs = new FakeLoggerProvider();
        api.Services.GetRequiredService<ILoggerFactory>().AddProvider(logs);
        using var leftOut = new MetricCollector<long>(api.Services.GetRequiredService<IMeterFactory>(), ApiTelemetry.Name, "cafemenu.api.items.unrepresentable");
        var good = Unique("Representable");
        await _client.PostAsync("/menu", Json(Item(good)));

        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await _client.GetAsync("/menu?limit=100" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var body = await page.ReadJsonAsync();
            names.AddRange(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("product_name").GetString()!));
            cursor = body.GetProperty("next_cursor").GetString();
        }
        while (cursor is not null);

        Assert.Contains(good, names);
        Assert.DoesNotContain(name, names);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/menu/specials?limit=100")).StatusCode);
        var problem = await (await _client.GetAsync(Path(name))).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("price", problem.GetProperty("detail").GetString());
        Assert.Equal(1E+100, double.Parse((await RawTable.GetAsync(api, name))!["price"].N, System.Globalization.CultureInfo.InvariantCulture));

        // Found by its key in a warning and counted, once per listing that met it.
        Assert.Contains(logs.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains(name, StringComparison.Ordinal)
            && r.Message.Contains("menu.list", StringComparison.Ordinal));
        Assert.Contains(logs.Collector.GetSnapshot(), r => r.Level == LogLevel.Warning && r.Message.Contains(name, StringComparison.Ordinal)
            && r.Message.Contains("menu.specials", StringComparison.Ordinal));
        var counted = leftOut.GetMeasurementSnapshot();
        Assert.Contains(counted, m => Equals(m.Tags["cafemenu.operation"], "menu.list"));
        Assert.Contains(counted, m => Equals(m.Tags["cafemenu.operation"], "menu.specials"));
    }

    [Theory]
    [InlineData("PATCH", "", """{"description":"still 1E+100"}""", null)]
    [InlineData("PATCH", "", """{"tags":["x"]}""", "*")]
    [InlineData("PUT", "/special", null, null)]
    [InlineData("DELETE", "/special", null, "*")]
    [InlineData("DELETE", "/special", null, "\"1\"")]
    public async Task A_change_that_leaves_an_unrepresentable_item_so_is_422_and_writes_nothing(string method, string suffix, string? body, string? ifMatch)
    {
        var name = Unique("Unshowable");
        await PutUnrepresentableAsync(name, special: method == "DELETE");
        var before = RawTable.Render((await RawTable.GetAsync(api, name))!);
        using var request = new HttpRequestMessage(new HttpMethod(method), Path(name) + suffix);
        if (body is not null) request.Content = Json(body);
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch ?? "\"1\"");

        var problem = await (await _client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.UnprocessableEntity);

        Assert.Contains("Nothing was changed", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, RawTable.Render((await RawTable.GetAsync(api, name))!));
    }

    [Fact]
    public async Task An_unrepresentable_item_is_fixed_by_a_patch_of_its_price_with_if_match_star()
    {
        var name = Unique("Fixable");
        await PutUnrepresentableAsync(name);

        var response = await _client.PatchAsync(Path(name), """{"price":4.20}""", "*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(4.20m, decimal.Parse((await RawTable.GetAsync(api, name))!["price"].N, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("4.20", (await (await _client.GetAsync(Path(name))).ReadJsonAsync()).GetProperty("price").GetRawText());
    }

    [Theory]
    [InlineData("POST", "/menu")]
    [InlineData("POST", "/menu/batch")]
    [InlineData("PATCH", "/menu/Latte")]
    public async Task An_empty_body_is_400_on_errors_body_in_the_apis_words(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json("") };
        // PATCH needs its If-Match; on a create an If-Match of tags is a 412, answered before the body is read.
        if (method == "PATCH") request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        var response = await _client.SendAsync(request);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _), problem.ToString());
        Assert.DoesNotContain("Implicit body", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/menu/batch", "[]")]
    [InlineData("PATCH", "/menu/Latte", """{"price":null}""")]
    public async Task A_body_with_nothing_to_do_is_400_on_errors_body_not_an_unnamed_field(string method, string path, string body)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Json(body) };
        // PATCH needs its If-Match; on a create an If-Match of tags is a 412, answered before the body is read.
        if (method == "PATCH") request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        var problem = await (await _client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(["body"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Theory]
    [InlineData("/menu?limit=abc")]
    [InlineData("/menu/specials?limit=abc")]
    [InlineData("/menu?limit=0")]
    public async Task A_limit_that_is_not_a_number_is_400_on_errors_limit(string url)
    {
        var problem = await (await _client.GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("limit", problem.GetProperty("errors").GetProperty("limit")[0].GetString());
        Assert.DoesNotContain("Nullable", problem.GetRawText(), StringComparison.Ordinal);
    }
}
