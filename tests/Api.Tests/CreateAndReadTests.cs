using System.Net;
using System.Text;
using Amazon.DynamoDBv2.Model;
using static CafeMenu.Api.Tests.Http;

namespace CafeMenu.Api.Tests;

[Collection(DynamoDbCollection.Name)]
public sealed class CreateAndReadTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Create_answers_201_with_location_and_etag_and_get_returns_the_item()
    {
        var created = await _client.PostAsync("/menu", Json(Item("Flat white", "3.40", "\"product_group\":\"Coffee\",\"tags\":[\"milk\"]")));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/menu/Flat%20white", created.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", created.ETag());
        var body = await created.ReadJsonAsync();
        Assert.Equal(1, body.GetProperty("version").GetInt64());

        var read = await _client.GetAsync("/menu/Flat%20white");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("\"1\"", read.ETag());
        var item = await read.ReadJsonAsync();
        Assert.Equal("Coffee", item.GetProperty("product_group").GetString());
        Assert.Equal("milk", Assert.Single(item.GetProperty("tags").EnumerateArray()).GetString());
    }

    [Theory]
    [InlineData("Salt/Pepper")]
    [InlineData("../../etc/passwd")]
    [InlineData("Café crème ☕")]
    [InlineData("50% off?")]
    [InlineData("Name")] // a DynamoDB reserved word as a key value
    public async Task Names_with_slashes_unicode_and_reserved_words_round_trip_through_their_location(string name)
    {
        var created = await _client.PostAsync("/menu", Json(Item(name)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var location = created.Headers.Location!.OriginalString;
        var read = await _client.GetAsync(location);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(name, (await read.ReadJsonAsync()).GetProperty("product_name").GetString());
        Assert.Equal(HttpStatusCode.OK, (await _client.PatchAsync(location, """{"price":2}""", read.ETag())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.PutAsync($"{location}/special", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync(location, "\"3\"")).StatusCode);
    }

    [Fact]
    public async Task Get_of_a_missing_item_is_404()
    {
        var problem = await (await _client.GetAsync(Path("No such thing"))).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("No such thing", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Create_of_an_existing_product_is_409_with_the_existing_item_and_leaves_it_unchanged()
    {
        await _client.PostAsync("/menu", Json(Item("Scone", "2.80")));

        var conflict = await _client.PostAsync("/menu", Json(Item("Scone", "9.99")));

        var problem = await conflict.AssertProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("2.80", problem.GetProperty("existing").GetProperty("price").GetRawText());
        var stored = await (await _client.GetAsync("/menu/Scone")).ReadJsonAsync();
        Assert.Equal("2.80", stored.GetProperty("price").GetRawText());
    }

    [Theory]
    [InlineData("12.34", "12.34")]
    [InlineData("0.10", "0.10")]
    [InlineData("99999999.99", "99999999.99")]
    [InlineData("\"0.10\"", "0.10")] // a price may come as a JSON string, read without double
    public async Task Prices_are_exact_through_the_api_and_in_the_stored_attribute(string jsonPrice, string expected)
    {
        var name = $"Exact {Guid.NewGuid():N}";
        var created = await _client.PostAsync("/menu", Json(Item(name, jsonPrice)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        Assert.Equal(expected, (await created.ReadJsonAsync()).GetProperty("price").GetRawText());
        Assert.Equal(expected, (await (await _client.GetAsync(Path(name))).ReadJsonAsync()).GetProperty("price").GetRawText());

        using var dynamo = api.Dynamo!.CreateClient();
        var raw = (await dynamo.GetItemAsync(api.TableName, new Dictionary<string, AttributeValue> { ["product_name"] = new() { S = name } })).Item;
        // DynamoDB keeps the decimal digits (it may drop a trailing zero: 0.10 is stored as 0.1); nothing went through double.
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(raw["price"].N, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.TrimEnd('0').TrimEnd('.'), raw["price"].N.TrimEnd('0').TrimEnd('.'));
    }

    [Theory]
    [InlineData("""{"product_name":"A","price":1,"colour":"red"}""", "colour", "colour")]
    [InlineData("""{"product_name":"A","price":}""", "price", "line")]
    [InlineData("""{"price":1}""", "product_name", "product_name")]
    [InlineData("""{"product_name":"A","price":"cheap"}""", "price", "cheap")]
    [InlineData("""{"product_name":"A","price":123456789012345678901234567890123456789}""", "price", "39 significant digits")]
    [InlineData("""[1,2]""", "body", "line")]
    public async Task Malformed_or_unknown_json_is_400_naming_the_field_in_errors_and_saying_why(string body, string field, string mentioned)
    {
        var problem = await (await _client.PostAsync("/menu", Json(body))).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString());
        Assert.Contains(mentioned, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.DoesNotContain("System.", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_fields_are_400_with_a_per_field_errors_map()
    {
        var tags = string.Join(",", Enumerable.Range(0, 21).Select(i => $"\"t{i}\""));
        // The price is checked while the body is read (on its own digits), so a bad price is reported on its own: see ExactPriceTests.
        var body = $$"""{"product_name":"  ","price":1.00,"description":"{{new string('d', 2001)}}","tags":[{{tags}}]}""";

        var problem = await (await _client.PostAsync("/menu", Json(body))).AssertProblemAsync(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "product_name", "description", "tags" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
    }

    [Fact]
    public async Task An_item_over_400_KB_is_400_with_a_clear_message_and_is_not_written()
    {
        var body = Item("Huge", "1.00", $"\"description\":\"{new string('x', 450 * 1024)}\"");

        var problem = await (await _client.PostAsync("/menu", Json(body))).AssertProblemAsync(HttpStatusCode.BadRequest);

        var message = Assert.Single(problem.GetProperty("errors").GetProperty("item").EnumerateArray()).GetString();
        Assert.Contains("400 KB", message);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/menu/Huge")).StatusCode);
    }

    [Fact]
    public async Task A_wrong_content_type_is_415()
    {
        var response = await _client.PostAsync("/menu", new StringContent(Item("Tea"), Encoding.UTF8, "text/plain"));
        var problem = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("application/json", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_over_the_size_limit_is_413()
    {
        var body = Item("Too big", "1.00", $"\"description\":\"{new string('x', 1100 * 1024)}\"");

        var response = await _client.PostAsync("/menu", Json(body));

        var problem = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("1,048,576 bytes", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_routes_and_methods_answer_with_the_same_problem_shape()
    {
        await (await _client.GetAsync("/nothing-here")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await _client.PutAsync("/menu", Json("{}"))).AssertProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Responses_carry_security_headers_and_no_server_banner()
    {
        var response = await _client.GetAsync("/menu/anything");

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("default-src 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.False(response.Headers.Contains("Server"));
    }
}
