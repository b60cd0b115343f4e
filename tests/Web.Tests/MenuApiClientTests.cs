using System.Net;
using CafeMenu.Web.Client;

namespace CafeMenu.Web.Tests;

public class MenuApiClientTests
{
    [Fact]
    public async Task Reads_a_page_with_exact_prices_and_sends_limit_cursor_and_group()
    {
        var api = new FakeApi((_, _) => FakeApi.Page([FakeApi.Item("Espresso", 2.10m)], next: "abc=="));

        var page = await api.Client.GetMenuAsync(25, "c/1+2", "Hot drinks", CancellationToken.None);

        Assert.Equal(2.10m, Assert.Single(page.Items).Price);
        Assert.Equal("abc==", page.NextCursor);
        Assert.Equal("/menu?limit=25&cursor=c%2F1%2B2&group=Hot%20drinks", api.Requests.Single().PathAndQuery);
    }

    [Fact]
    public async Task Names_are_escaped_in_the_path()
    {
        var api = new FakeApi((_, _) => FakeApi.Json(HttpStatusCode.OK, FakeApi.Item("<script>alert(1)</script>", 1m), etag: "\"7\""));

        var result = await api.Client.GetItemAsync("<script>alert(1)</script>", CancellationToken.None);

        Assert.Equal("/menu/%3Cscript%3Ealert%281%29%3C%2Fscript%3E", api.Requests.Single().PathAndQuery);
        Assert.Equal("\"7\"", result.ETag);
    }

    [Fact]
    public async Task A_409_is_a_duplicate_carrying_the_existing_item()
    {
        var existing = FakeApi.Item("Mocha", 3.80m, version: 4);
        var api = new FakeApi((_, _) => FakeApi.Problem(HttpStatusCode.Conflict, "Product exists", "Mocha already exists.", extra: existing));

        var result = await api.Client.CreateAsync(new NewMenuItem { ProductName = "Mocha", Price = 4m }, CancellationToken.None);

        Assert.Equal(ApiOutcome.Duplicate, result.Outcome);
        Assert.Equal(3.80m, result.Item!.Price);
        Assert.Contains("\"product_name\":\"Mocha\"", api.Requests.Single().Body);
        Assert.Contains("\"price\":4", api.Requests.Single().Body);
    }

    [Fact]
    public async Task A_400_keeps_the_field_errors_of_the_ProblemDetails()
    {
        var api = new FakeApi((_, _) => FakeApi.Problem(HttpStatusCode.BadRequest, "Invalid item", "Fix the fields.",
            new() { ["price"] = ["price must have at most 2 decimal places."] }));

        var result = await api.Client.CreateAsync(new NewMenuItem { ProductName = "Tea", Price = 1.234m }, CancellationToken.None);

        Assert.Equal(ApiOutcome.Rejected, result.Outcome);
        Assert.Equal(["price must have at most 2 decimal places."], result.Problem!.Errors!["price"]);
        Assert.Equal("Fix the fields.", result.Problem.Message);
    }

    [Fact]
    public async Task A_patch_sends_If_Match_and_a_412_is_a_conflict()
    {
        var api = new FakeApi((_, _) => FakeApi.Problem(HttpStatusCode.PreconditionFailed, "Changed", "The item changed."));

        var result = await api.Client.UpdateAsync("Tea", new MenuItemPatch { Price = 2m }, "\"3\"", CancellationToken.None);

        Assert.Equal(ApiOutcome.Conflict, result.Outcome);
        var request = api.Requests.Single();
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Equal("\"3\"", request.IfMatch);
        Assert.Equal("{\"price\":2}", request.Body);
    }

    [Fact]
    public async Task Special_is_a_PUT_or_DELETE_on_the_special_resource()
    {
        var api = new FakeApi((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));

        Assert.True((await api.Client.SetSpecialAsync("Tea", true, CancellationToken.None)).IsSuccess);
        Assert.True((await api.Client.SetSpecialAsync("Tea", false, CancellationToken.None)).IsSuccess);

        Assert.Equal([(HttpMethod.Put, "/menu/Tea/special"), (HttpMethod.Delete, "/menu/Tea/special")], api.Requests.Select(r => (r.Method, r.PathAndQuery)));
    }

    [Fact]
    public async Task An_unreachable_or_failing_Api_is_reported_as_unavailable()
    {
        var refused = new FakeApi((_, _) => throw new HttpRequestException("Connection refused"));
        var failing = new FakeApi((_, _) => FakeApi.Problem(HttpStatusCode.ServiceUnavailable, "DynamoDB unavailable", "Try again in a few seconds."));

        await Assert.ThrowsAsync<MenuApiUnavailableException>(() => refused.Client.GetSpecialsAsync(6, null, CancellationToken.None));
        var ex = await Assert.ThrowsAsync<MenuApiUnavailableException>(() => failing.Client.CreateAsync(new NewMenuItem { ProductName = "x", Price = 1 }, CancellationToken.None));
        Assert.Equal("Try again in a few seconds.", ex.Message);
    }
}
