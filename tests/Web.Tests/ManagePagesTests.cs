using System.Diagnostics;
using System.Net;
using CafeMenu.Menu;
using CafeMenu.Web.Components.Pages.Manage;
using CafeMenu.Web.Components.Shared;

namespace CafeMenu.Web.Tests;

public class ManagePagesTests : BunitContext
{
    [Fact]
    public void The_add_form_shows_its_own_validation_next_to_the_fields_without_calling_the_Api()
    {
        var api = new FakeApi((_, _) => throw new InvalidOperationException("must not be called"));
        this.AddWeb(api);
        var page = Render<AddItem>();

        page.Find("#item-price").Change("4.999");
        page.Find("form").Submit();

        Assert.Empty(api.Requests);
        Assert.Contains("product_name is required", NextMessage(page, "#item-name"));
        Assert.Contains("price must have at most 2 decimal places.", NextMessage(page, "#item-price"));
        Assert.Equal("true", page.Find("#item-price").GetAttribute("aria-invalid"));
    }

    [Fact]
    public void The_Api_field_errors_appear_next_to_the_fields()
    {
        var api = new FakeApi((_, _) => FakeApi.Problem(HttpStatusCode.BadRequest, "Invalid", "Fix the tags.",
            new() { ["tags[0]"] = ["tags[0] is not allowed here."], ["item"] = ["The item is too large."] }));
        this.AddWeb(api);
        var page = Render<AddItem>();

        page.Find("#item-name").Change("Tea");
        page.Find("#item-price").Change("2");
        page.Find("#item-tags").Change("odd");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("tags[0] is not allowed here.", page.Markup));
        Assert.Contains("tags[0] is not allowed here.", page.Find("#item-tags").ParentElement!.TextContent);
        Assert.Contains("The item is too large.", page.Find(".alert-danger").TextContent);
    }

    [Fact]
    public void A_duplicate_says_a_product_with_this_name_exists_and_links_to_it()
    {
        var api = new FakeApi((_, _) => FakeApi.Problem(HttpStatusCode.Conflict, "Exists", "Exists.", extra: FakeApi.Item("Flat White", 3.4m)));
        this.AddWeb(api);
        var page = Render<AddItem>();

        page.Find("#item-name").Change("Flat White");
        page.Find("#item-price").Change("3.50");
        page.Find("form").Submit();

        var message = page.WaitForElement(".duplicate-message");
        Assert.Contains("A product with this name already exists", message.TextContent);
        Assert.Equal("manage/edit?name=Flat%20White", message.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("is-invalid", page.Find("#item-name").ClassName);
    }

    [Fact]
    public void Adding_posts_the_item_and_confirms_with_links()
    {
        var api = new FakeApi((_, body) => FakeApi.Json(HttpStatusCode.Created, FakeApi.Item("Chai", 3.20m), etag: "\"1\""));
        this.AddWeb(api);
        var page = Render<AddItem>();

        page.Find("#item-name").Change("Chai");
        page.Find("#item-price").Change("3.20");
        page.Find("#item-group").Change("Tea");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Added", page.Find(".alert-success").TextContent));
        Assert.Equal("{\"product_name\":\"Chai\",\"price\":3.20,\"product_group\":\"Tea\",\"tags\":[]}", api.Requests.Single().Body);
        Assert.Equal("", page.Find("#item-name").GetAttribute("value") ?? "");
    }

    [Fact]
    public void A_name_the_Api_refuses_to_open_is_explained_instead_of_loading_forever()
    {
        var api = new FakeApi((_, _) => FakeApi.Problem(HttpStatusCode.BadRequest, "Invalid", "The product name in the path breaks the name rule.",
            new() { ["product_name"] = ["product_name must not start or end with whitespace; send it trimmed."] }));
        this.AddWeb(api);
        this.NavigateTo("/manage/edit?name=" + Uri.EscapeDataString("Legacy "));
        var page = Render<EditItem>();

        var refused = page.WaitForElement(".refused-message");

        Assert.Contains("breaks the name rule", refused.TextContent);
        Assert.Contains("must not start or end with whitespace", refused.TextContent);
        Assert.Empty(page.FindAll("form"));
        Assert.Equal("/menu/Legacy%20", api.Requests.Single().PathAndQuery);
    }

    [Fact]
    public void A_412_says_the_item_changed_offers_a_reload_and_overwrites_nothing()
    {
        var version = 1;
        var api = new FakeApi((request, _) => request.Method == HttpMethod.Patch
            ? FakeApi.Problem(HttpStatusCode.PreconditionFailed, "Changed", "Version mismatch.")
            : FakeApi.Json(HttpStatusCode.OK, FakeApi.Item("Scone", version == 1 ? 2.50m : 2.60m, "Pastries", version: version), etag: $"\"{version}\""));
        this.AddWeb(api);
        this.NavigateTo("/manage/edit?name=Scone");
        var page = Render<EditItem>();
        page.WaitForElement("#item-price");

        page.Find("#item-price").Change("2.75");
        page.Find("form").Submit();

        var conflict = page.WaitForElement(".conflict-message");
        Assert.Contains("changed by someone else", conflict.TextContent);
        Assert.Equal("\"1\"", api.Requests.Single(r => r.Method == HttpMethod.Patch).IfMatch);
        Assert.True(page.FindAll("button[type=submit]").Single().HasAttribute("disabled"));

        version = 2;
        conflict.QuerySelector("button")!.Click();

        page.WaitForAssertion(() => Assert.Equal("2.60", page.Find("#item-price").GetAttribute("value")));
        Assert.Empty(page.FindAll(".conflict-message"));
        Assert.Single(api.Requests, r => r.Method == HttpMethod.Patch);
    }

    [Fact]
    public void Deleting_from_the_list_asks_first()
    {
        var api = new FakeApi((request, _) => request.Method == HttpMethod.Delete
            ? new HttpResponseMessage(HttpStatusCode.NoContent)
            : FakeApi.Page([FakeApi.Item("Scone", 2.5m), FakeApi.Item("Tea", 2m)]));
        this.AddWeb(api);
        var page = Render<ManageMenu>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("tbody tr").Count));

        page.FindAll("button").First(b => b.TextContent.Contains("Delete") && b.TextContent.Contains("Scone")).Click();
        Assert.DoesNotContain(api.Requests, r => r.Method == HttpMethod.Delete);
        page.Find(".confirm-delete button.btn-danger").Click();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
        Assert.Single(api.Requests, r => r.Method == HttpMethod.Delete && r.PathAndQuery == "/menu/Scone");
    }

    [Fact]
    public void Cancelling_the_confirmation_deletes_nothing()
    {
        var api = new FakeApi((_, _) => FakeApi.Page([FakeApi.Item("Scone", 2.5m)]));
        this.AddWeb(api);
        var page = Render<ManageMenu>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));

        page.FindAll("button").First(b => b.TextContent.Contains("Delete")).Click();
        page.FindAll(".confirm-delete button").Single(b => b.TextContent == "Keep it").Click();

        Assert.Empty(page.FindAll(".confirm-delete"));
        Assert.DoesNotContain(api.Requests, r => r.Method == HttpMethod.Delete);
    }

    [Fact]
    public void Toggling_special_is_the_root_span_of_its_own_trace()
    {
        using var spans = new WebSpans();
        var api = new FakeApi((_, _) => new HttpResponseMessage(HttpStatusCode.NoContent));
        this.AddWeb(api);
        MenuItem? changed = null;
        var toggle = Render<SpecialToggle>(parameters => parameters
            .Add(p => p.Item, FakeApi.Item("Scone", 2.5m))
            .Add(p => p.OnChanged, item => changed = item));

        using (new Activity("ambient circuit activity").Start())
        {
            toggle.Find("button").Click();
        }

        toggle.WaitForAssertion(() => Assert.Equal(1, changed?.Special));
        var span = Assert.Single(spans.Started, a => a.GetTagItem("cafemenu.product_name") as string == "Scone");
        Assert.Equal("Put item on special", span.DisplayName);
        Assert.Null(span.ParentId);
        Assert.Equal("PUT", api.Requests.Single().Method.Method);
    }

    private static string NextMessage(IRenderedComponent<AddItem> page, string input) =>
        string.Join(" ", page.Find(input).ParentElement!.QuerySelectorAll(".validation-message").Select(m => m.TextContent));
}
