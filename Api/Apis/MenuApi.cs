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
    private const int DefaultLimit = 25;

    public static IEndpointRouteBuilder MapMenuApi(this IEndpointRouteBuilder app)
    {
        var menu = app.MapGroup("/menu").WithTags("Menu")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        menu.MapGet("/", ListMenu)
            .WithName("ListMenu")
            .WithSummary("One page of the menu")
            .WithDescription(
                "Without `group`: a Scan of the table. With `group`: a Scan with a FilterExpression on `product_group` " +
                "(the menu holds dozens of items, so a second index would cost more than it saves), reading further pages " +
                "until `limit` items match or the table ends. `next_cursor` is an opaque, tamper-proof token bound to the " +
                "listing (and group) it came from; pass it back unchanged as `cursor`.")
            .ProducesValidationProblem();

        menu.MapGet("/specials", ListSpecials)
            .WithName("ListSpecials")
            .WithSummary("The items on special that are in stock")
            .WithDescription(
                "A Query on the sparse index `special_GSI` with `special = 1` and a filter leaving out items tagged " +
                "`out of stock`; never a Scan. Pages are read until `limit` items are found or the index is exhausted.")
            .ProducesValidationProblem();

        menu.MapGet(ItemRoute, GetItem)
            .WithName("GetMenuItem")
            .WithSummary("One menu item, with its version as ETag")
            .ProducesProblem(StatusCodes.Status404NotFound);

        menu.MapPost("/", CreateItem)
            .WithName("CreateMenuItem")
            .WithSummary("Adds a product; never overwrites one")
            .WithDescription("PutItem with `attribute_not_exists(product_name)`. 409 carries the existing item in `existing`.")
            .Accepts<MenuItem>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        menu.MapPost("/batch", CreateBatch)
            .WithName("CreateMenuItems")
            .WithSummary("Adds 1 to 100 products, all or nothing")
            .WithDescription(
                "One TransactWriteItems of conditional puts. Duplicate names in the request: 400 with `duplicates`. " +
                "Names that already exist: 409 with `existing`. In both cases nothing is written.")
            .Accepts<List<MenuItem>>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            // A full batch of long items is larger than the single-item limit; TransactWriteItems takes up to 4 MB.
            .WithMetadata(new RequestSizeLimitAttribute(ApiLimits.MaxBatchBodyBytes));

        menu.MapPatch(ItemRoute, UpdateItem)
            .WithName("UpdateMenuItem")
            .WithSummary("Changes price, description, product_group or tags")
            .WithDescription(
                "One UpdateItem built from the fields present. `If-Match` with the item's ETag is required; the version " +
                "goes up by one. An empty `description` removes it.")
            .Accepts<MenuItemPatch>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        menu.MapPut($"{ItemRoute}/special", PutSpecial)
            .WithName("PutSpecial")
            .WithSummary("Puts an item on special (SET special = 1); idempotent")
            .ProducesProblem(StatusCodes.Status404NotFound);

        menu.MapDelete($"{ItemRoute}/special", DeleteSpecial)
            .WithName("DeleteSpecial")
            .WithSummary("Takes an item off special (REMOVE special, keeping the index sparse); idempotent")
            .ProducesProblem(StatusCodes.Status404NotFound);

        menu.MapDelete(ItemRoute, DeleteItem)
            .WithName("DeleteMenuItem")
            .WithSummary("Deletes an item; conditional on If-Match when given")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);

        return app;
    }

    internal static async Task<Results<Ok<MenuPage>, ValidationProblem>> ListMenu(
        [AsParameters] MenuServices services, int? limit, string? cursor, string? group, CancellationToken cancellationToken)
    {
        var errors = MenuValidation.ValidateLimit(limit);
        if (group is not null && string.IsNullOrWhiteSpace(group)) errors["group"] = ["group must not be blank when given."];
        var listing = group is null ? MenuRepository.AllItems : MenuRepository.Group(group);
        var start = ReadCursor(services, listing, cursor, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, "Fix the query parameters listed in errors.");

        var page = await services.Repository.ListAsync(group, limit ?? DefaultLimit, start, cancellationToken);
        return TypedResults.Ok(ToPage(services, listing, page));
    }

    internal static async Task<Results<Ok<MenuPage>, ValidationProblem>> ListSpecials(
        [AsParameters] MenuServices services, int? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = MenuValidation.ValidateLimit(limit);
        var start = ReadCursor(services, MenuRepository.Specials, cursor, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, "Fix the query parameters listed in errors.");

        var page = await services.Repository.ListSpecialsAsync(limit ?? DefaultLimit, start, cancellationToken);
        services.Telemetry.SpecialsServed(page.Items.Count);
        return TypedResults.Ok(ToPage(services, MenuRepository.Specials, page));
    }

    internal static async Task<Results<Ok<MenuItem>, ProblemHttpResult>> GetItem(
        [AsParameters] MenuServices services, [FromRoute(Name = "product_name")] string rawName, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var productName = RouteNames.Decode(rawName);
        var item = await services.Repository.GetAsync(productName, cancellationToken);
        if (item is null) return MenuProblems.NotFound(productName);
        response.Headers.ETag = ETags.For(item.Version);
        return TypedResults.Ok(item);
    }

    internal static async Task<Results<Created<MenuItem>, ValidationProblem, ProblemHttpResult>> CreateItem(
        [AsParameters] MenuServices services, MenuItem item, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = MenuValidation.Validate(item);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, "The item is not valid; fix the fields listed in errors.");

        var result = await services.Repository.CreateAsync(item, cancellationToken);
        if (result.Status == WriteStatus.Conflict)
        {
            services.Telemetry.Conflict("create", "exists");
            Log.CreateConflict(services.Logger, item.ProductName);
            if (result.Item is { } existing) response.Headers.ETag = ETags.For(existing.Version);
            return MenuProblems.AlreadyExists(item.ProductName, result.Item);
        }

        var created = result.Item!;
        services.Telemetry.ItemsCreated(1, "create");
        Log.ItemCreated(services.Logger, created.ProductName, created.Version);
        response.Headers.ETag = ETags.For(created.Version);
        return TypedResults.Created(ItemLocation(created.ProductName), created);
    }

    internal static async Task<Results<Created<IReadOnlyList<MenuItem>>, ValidationProblem, ProblemHttpResult>> CreateBatch(
        [AsParameters] MenuServices services, List<MenuItem> items, CancellationToken cancellationToken)
    {
        if (items.Count is 0 or > MenuValidation.MaxBatchItems)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [""] = [$"Send 1 to {MenuValidation.MaxBatchItems} items (got {items.Count})."] },
                "The batch has the wrong number of items.");
        }

        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < items.Count; i++)
        {
            foreach (var (field, messages) in MenuValidation.Validate(items[i], $"[{i}]")) errors[field] = messages;
        }

        // DynamoDB compares keys byte for byte, so duplicates are found with ordinal comparison.
        var duplicates = items.Select((item, position) => (item.ProductName, position))
            .GroupBy(x => x.ProductName, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => new DuplicateEntry(g.Key, g.Select(x => x.position).ToList()))
            .ToList();
        foreach (var duplicate in duplicates)
        {
            var message = $"'{duplicate.ProductName}' appears at positions {string.Join(", ", duplicate.Positions)}; each product may appear once.";
            foreach (var position in duplicate.Positions) errors[$"[{position}].{MenuTable.Attributes.ProductName}"] = [message];
        }

        if (errors.Count > 0)
        {
            var detail = duplicates.Count > 0
                ? $"{duplicates.Count} product name(s) appear more than once; nothing was written. Fix the fields listed in errors."
                : "Some items are not valid; nothing was written. Fix the fields listed in errors.";
            return TypedResults.ValidationProblem(errors, detail,
                extensions: duplicates.Count > 0 ? new Dictionary<string, object?> { ["duplicates"] = duplicates } : null);
        }

        var result = await services.Repository.CreateBatchAsync(items, cancellationToken);
        if (result.Existing.Count > 0)
        {
            services.Telemetry.Conflict("batch", "exists");
            Log.BatchConflict(services.Logger, items.Count, result.Existing.Count);
            return MenuProblems.BatchItemsExist(result.Existing);
        }

        services.Telemetry.ItemsCreated(result.Created.Count, "batch");
        Log.BatchCreated(services.Logger, result.Created.Count);
        return TypedResults.Created("/menu", result.Created);
    }

    internal static async Task<Results<Ok<MenuItem>, ValidationProblem, ProblemHttpResult>> UpdateItem(
        [AsParameters] MenuServices services, [FromRoute(Name = "product_name")] string rawName, MenuItemPatch patch,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response, CancellationToken cancellationToken)
    {
        var productName = RouteNames.Decode(rawName);
        if (string.IsNullOrWhiteSpace(ifMatch)) return MenuProblems.IfMatchRequired(productName);
        if (!ETags.TryParseIfMatch(ifMatch, out var condition)) return MenuProblems.MalformedIfMatch();

        var errors = MenuValidation.Validate(patch);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, "The changes are not valid; fix the fields listed in errors.");

        var result = condition is { AnyVersion: false, Versions.Count: 0 }
            ? await NoVersionCanMatch(services, productName, cancellationToken)
            : await services.Repository.UpdateAsync(productName, patch, condition, cancellationToken);
        return WriteOutcome(services, "update", productName, result, response);
    }

    internal static async Task<Results<Ok<MenuItem>, ProblemHttpResult>> PutSpecial(
        [AsParameters] MenuServices services, [FromRoute(Name = "product_name")] string rawName, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var productName = RouteNames.Decode(rawName);
        return SpecialOutcome(productName, await services.Repository.SetSpecialAsync(productName, special: true, cancellationToken), response);
    }

    internal static async Task<Results<Ok<MenuItem>, ProblemHttpResult>> DeleteSpecial(
        [AsParameters] MenuServices services, [FromRoute(Name = "product_name")] string rawName, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var productName = RouteNames.Decode(rawName);
        return SpecialOutcome(productName, await services.Repository.SetSpecialAsync(productName, special: false, cancellationToken), response);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteItem(
        [AsParameters] MenuServices services, [FromRoute(Name = "product_name")] string rawName,
        [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken)
    {
        var productName = RouteNames.Decode(rawName);
        var condition = VersionCondition.Any;
        if (ifMatch is not null && !ETags.TryParseIfMatch(ifMatch, out condition)) return MenuProblems.MalformedIfMatch();

        var result = condition is { AnyVersion: false, Versions.Count: 0 }
            ? await NoVersionCanMatch(services, productName, cancellationToken)
            : await services.Repository.DeleteAsync(productName, condition, cancellationToken);
        switch (result.Status)
        {
            case WriteStatus.NotFound:
                return MenuProblems.NotFound(productName);
            case WriteStatus.Conflict:
                services.Telemetry.Conflict("delete", "version_mismatch");
                Log.PreconditionFailed(services.Logger, productName);
                return MenuProblems.VersionMismatch(productName, result.Item);
            default:
                Log.ItemDeleted(services.Logger, productName);
                return TypedResults.NoContent();
        }
    }

    private static Results<Ok<MenuItem>, ValidationProblem, ProblemHttpResult> WriteOutcome(
        MenuServices services, string operation, string productName, WriteResult result, HttpResponse response)
    {
        switch (result.Status)
        {
            case WriteStatus.NotFound:
                return MenuProblems.NotFound(productName);
            case WriteStatus.Conflict:
                services.Telemetry.Conflict(operation, "version_mismatch");
                Log.PreconditionFailed(services.Logger, productName);
                if (result.Item is { } current) response.Headers.ETag = ETags.For(current.Version);
                return MenuProblems.VersionMismatch(productName, result.Item);
            default:
                var item = result.Item!;
                Log.ItemUpdated(services.Logger, productName, item.Version);
                response.Headers.ETag = ETags.For(item.Version);
                return TypedResults.Ok(item);
        }
    }

    private static Results<Ok<MenuItem>, ProblemHttpResult> SpecialOutcome(string productName, WriteResult result, HttpResponse response)
    {
        if (result.Status == WriteStatus.NotFound) return MenuProblems.NotFound(productName);
        var item = result.Item!;
        response.Headers.ETag = ETags.For(item.Version);
        return TypedResults.Ok(item);
    }

    /// <summary>If-Match named only tags that are no version of ours: the precondition fails whenever the item exists.</summary>
    private static async Task<WriteResult> NoVersionCanMatch(MenuServices services, string productName, CancellationToken cancellationToken) =>
        await services.Repository.GetAsync(productName, cancellationToken) is { } current
            ? new WriteResult(WriteStatus.Conflict, current)
            : new WriteResult(WriteStatus.NotFound);

    private static Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>? ReadCursor(
        MenuServices services, Listing listing, string? cursor, Dictionary<string, string[]> errors)
    {
        if (cursor is null) return null;
        var key = services.Cursors.Unprotect(listing, cursor);
        if (key is null)
        {
            errors["cursor"] = ["cursor is not one this Api issued for this listing: pass next_cursor back unchanged, with the same group, or leave it out to start over."];
        }

        return key;
    }

    private static MenuPage ToPage(MenuServices services, Listing listing, MenuItemsPage page) =>
        new(page.Items, page.LastKey is null ? null : services.Cursors.Protect(listing, page.LastKey));

    internal static string ItemLocation(string productName) => $"/menu/{Uri.EscapeDataString(productName)}";
}
