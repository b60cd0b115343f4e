using System.Net;

namespace CafeMenu.Api.Tests;

[Collection(DynamoDbCollection.Name)]
public sealed class OpenApiTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    public static TheoryData<string, string, int[]> Routes => new()
    {
        { "get", "/menu", [200, 400, 503] },
        { "get", "/menu/specials", [200, 400, 503] },
        { "get", "/menu/{product_name}", [200, 400, 404, 422, 503] },
        { "post", "/menu", [201, 400, 409, 412, 413, 415, 503] },
        { "post", "/menu/batch", [201, 400, 409, 412, 413, 415, 503] },
        { "patch", "/menu/{product_name}", [200, 400, 404, 412, 415, 422, 428, 503] },
        { "put", "/menu/{product_name}/special", [200, 400, 404, 412, 422, 503] },
        { "delete", "/menu/{product_name}/special", [200, 400, 404, 412, 422, 503] },
        { "delete", "/menu/{product_name}", [204, 400, 404, 412, 422, 503] },
        { "get", "/maintenance/noncanonical-names", [200, 503] },
        { "post", "/orders", [201, 400, 409, 412, 413, 415, 422, 503] },
        { "get", "/guests/{guest_id}/orders", [200, 400, 503] },
        { "get", "/guests/{guest_id}/orders/{order_id}", [200, 400, 404, 422, 503] },
        { "patch", "/guests/{guest_id}/orders/{order_id}/status", [200, 400, 404, 409, 412, 415, 422, 428, 503] },
        { "get", "/kitchen/queue", [200, 400, 503] },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task The_openapi_document_describes_every_route_and_its_responses(string method, string path, int[] statuses)
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        var described = operation.GetProperty("responses").EnumerateObject().Select(r => int.Parse(r.Name)).Order();
        Assert.Equal(statuses.Order(), described);
        Assert.False(string.IsNullOrEmpty(operation.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task The_document_lists_no_route_beyond_those_and_says_how_group_is_read()
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => (m.Name, p.Name))).ToHashSet();
        Assert.Equal(Routes.Select(r => ((string)r[0], (string)r[1])).ToHashSet(), operations);
        var description = document.GetProperty("paths").GetProperty("/menu").GetProperty("get").GetProperty("description").GetString();
        Assert.Contains("Scan with a FilterExpression", description);
    }

    [Theory]
    [InlineData("/orders", "post", "201")]
    [InlineData("/orders", "post", "409")]
    [InlineData("/guests/{guest_id}/orders", "get", "200")]
    [InlineData("/guests/{guest_id}/orders/{order_id}/status", "patch", "200")]
    [InlineData("/kitchen/queue", "get", "200")]
    public async Task The_order_routes_carry_json_examples(string path, string method, string status)
    {
        var document = await (await _client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var operation = document.GetProperty("paths").GetProperty(path).GetProperty(method);
        var response = operation.GetProperty("responses").GetProperty(status).GetProperty("content");
        Assert.Contains(response.EnumerateObject(), media => media.Value.TryGetProperty("example", out var example) && example.ValueKind == System.Text.Json.JsonValueKind.Object);
        if (method != "get")
        {
            var body = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            Assert.Equal(System.Text.Json.JsonValueKind.Object, body.GetProperty("example").ValueKind);
        }
    }

    [Fact]
    public async Task The_interactive_reference_is_served_at_scalar()
    {
        var response = await _client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.ToString());
    }
}
