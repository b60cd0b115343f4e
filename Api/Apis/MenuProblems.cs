using CafeMenu.Api.Data;
using CafeMenu.Menu;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CafeMenu.Api.Apis;

/// <summary>The menu's error answers, each a ProblemDetails whose detail says what to do next.</summary>
internal static class MenuProblems
{
    public static ProblemHttpResult NotFound(string productName) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Menu item not found",
        detail: $"No menu item is named '{productName}'. Names are case-sensitive; GET /menu lists them.");

    /// <param name="menuItem">false on the order routes, where no PATCH of the Api can correct a stored order.</param>
    public static ProblemDetails Unrepresentable(UnrepresentableItemException e, bool menuItem) => new()
    {
        Status = StatusCodes.Status422UnprocessableEntity,
        Title = "Stored item cannot be represented",
        Detail = $"The stored item '{e.ProductName}' cannot be shown exactly: {e.Problem}. Listings leave it out. Nothing was changed. " + (menuItem
            ? "Fix a price with PATCH and If-Match: * (its ETag cannot be read), or delete the item and add it again; GET /menu lists the rest."
            : "It must be corrected in the table; the other orders are listed as usual."),
    };

    public static ProblemHttpResult AlreadyExists(string productName, MenuItem? existing) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Menu item already exists",
        detail: $"A menu item named '{productName}' already exists and was left unchanged (see existing). Change it with PATCH /menu/{{product_name}} and its ETag, or pick another name.",
        extensions: new Dictionary<string, object?> { ["existing"] = existing });

    public static ProblemHttpResult BatchItemsExist(IReadOnlyList<ExistingItem> existing) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Menu items already exist",
        detail: $"{existing.Count} item(s) already exist, so nothing was written: {string.Join(", ", existing.Select(e => $"'{e.ProductName}' (position {e.Position})"))}. Remove them from the batch and send it again.",
        extensions: new Dictionary<string, object?>
        {
            ["existing"] = existing.Select(e => new ExistingItemEntry(e.Position, e.ProductName, e.Item)).ToList(),
        });

    public static ProblemHttpResult IfMatchRequired(string productName) => TypedResults.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired,
        title: "If-Match required",
        detail: $"Send If-Match with the item's ETag (GET {ProductName.ItemPath(productName)} returns it), so a change made meanwhile is never overwritten.");

    public static ProblemHttpResult VersionMismatch(string productName, MenuItem? current) => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Version mismatch",
        detail: $"'{productName}' has changed since the ETag in If-Match was read" +
            (current is null ? "." : $"; it is now at version {current.Version} (ETag {ETags.For(current.Version)}). Read it again, reapply the change and retry."),
        extensions: new Dictionary<string, object?> { ["current_version"] = current?.Version });
}
