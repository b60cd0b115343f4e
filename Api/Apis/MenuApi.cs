using CafeMenu.Api.Data;
using CafeMenu.Api.Extensions;
using CafeMenu.Api.Telemetry;
using CafeMenu.Menu;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CafeMenu.Api.Apis;

/// <summary>The café-menu endpoints under <c>/menu</c>.</summary>
internal static class MenuApi
{
    private const string ItemRoute = "/{product_name}";

    /// <summary>The name rule as the OpenAPI descriptions state it.</summary>
    private const string NameRule =
        "`product_name` must already be canonical: Unicode NFC, no leading or trailing whitespace, no control characters, " +
        "1 to 255 characters, not `specials`. A name that is not is refused with a 400 naming the rule, never rewritten, " +
        "so the key stored is the key sent and two spellings can never become two products.";

    public static IEndpointRouteBuilder MapMenuApi(this IEndpointRouteBuilder app)
    {
        var menu = app.MapGroup("/menu").WithTags("Menu")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        menu.MapGet("/", MenuReads.ListMenu)
            .WithName("ListMenu")
            .WithSummary("One page of the menu")
            .WithDescription(
                "Without `group`: a Scan of the table. With `group`: a Scan with a FilterExpression on `product_group` " +
                "(the menu holds dozens of items, so a second index would cost more than it saves), reading further pages " +
                "until `limit` items match or the table ends. `next_cursor` is an opaque, tamper-proof token bound to the " +
                "listing (and group) it came from; pass it back unchanged as `cursor`.")
            .ProducesValidationProblem();

        menu.MapGet("/specials", MenuReads.ListSpecials)
            .WithName("ListSpecials")
            .WithSummary("The items on special that are in stock")
            .WithDescription(
                "A Query on the sparse index `special_GSI` with `special = 1` and a filter leaving out items tagged " +
                "`out of stock`; never a Scan. Pages are read until `limit` items are found or the index is exhausted.")
            .ProducesValidationProblem();

        var items = menu.MapGroup(ItemRoute).AddEndpointFilter(ItemNameFilter.InvokeAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        items.MapGet("", MenuReads.GetItem)
            .WithName("GetMenuItem")
            .WithSummary("One menu item, with its version as ETag")
            .WithDescription(
                "The name is one path segment, percent-encoded once (`/` as `%2F`, `%` as `%25`, the names `.` and `..` as " +
                "`%2E`), and decoded once. A name that breaks the name rule is a 400; no item can have it. A stored item " +
                "the Api cannot represent exactly (a price no decimal holds) is a 422.")
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        menu.MapPost("/", MenuCreates.CreateItem)
            .WithName("CreateMenuItem")
            .WithSummary("Adds a product; never overwrites one")
            .WithDescription(
                "PutItem with `attribute_not_exists(product_name)`. 409 carries the existing item in `existing`. " + NameRule)
            .Accepts<MenuItem>("application/json")
            .AddEndpointFilter(CreatePreconditions.InvokeAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        menu.MapPost("/batch", MenuCreates.CreateBatch)
            .WithName("CreateMenuItems")
            .WithSummary("Adds 1 to 100 products, all or nothing")
            .WithDescription(
                "One TransactWriteItems of conditional puts. Duplicate names in the request: 400 with `duplicates`. " +
                "Names that already exist: 409 with `existing`. In both cases nothing is written. A null element is a 400 " +
                "naming its position. " + NameRule)
            .Accepts<List<MenuItem>>("application/json")
            .AddEndpointFilter(CreatePreconditions.InvokeAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            // A full batch of long items is larger than the single-item limit; TransactWriteItems takes up to 4 MB.
            .WithMetadata(new RequestSizeLimitAttribute(ApiLimits.MaxBatchBodyBytes));

        items.MapPatch("", MenuItemWrites.UpdateItem)
            .WithName("UpdateMenuItem")
            .WithSummary("Changes price, description, product_group or tags")
            .WithDescription(
                "One UpdateItem built from the fields present. `If-Match` with the item's ETag is required; the version " +
                "goes up by one. An empty `description` removes it.")
            .Accepts<MenuItemPatch>("application/json")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        items.MapPut("/special", MenuItemWrites.PutSpecial)
            .WithName("PutSpecial")
            .WithSummary("Puts an item on special (SET special = 1); idempotent; conditional on If-Match when given")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        items.MapDelete("/special", MenuItemWrites.DeleteSpecial)
            .WithName("DeleteSpecial")
            .WithSummary("Takes an item off special (REMOVE special, keeping the index sparse); idempotent; conditional on If-Match when given")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        items.MapDelete("", MenuItemWrites.DeleteItem)
            .WithName("DeleteMenuItem")
            .WithSummary("Deletes an item; conditional on If-Match when given")
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        app.MapGet("/maintenance/noncanonical-names", MenuReads.ListNoncanonicalNames)
            .WithTags("Maintenance")
            .WithName("ListNoncanonicalNames")
            .WithSummary("Stored product names that break the name rule")
            .WithDescription(
                "A Scan of the keys only. Items written before the rule, or by other tools, keep their names: the Api never " +
                "rewrites a key. Their item routes answer 400; docs/api.md says how to replace them.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        return app;
    }

    internal static string ItemLocation(string productName) => ProductName.ItemPath(productName);
}
