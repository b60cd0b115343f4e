using CafeMenu.Api.Telemetry;
using CafeMenu.Menu;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CafeMenu.Api.Apis;

/// <summary>POST /menu and POST /menu/batch: puts that never overwrite, of items checked as they will be stored.</summary>
internal static class MenuCreates
{
    // The body is optional to the binder so that an empty or null body is answered here, in the Api's words.
    internal static async Task<Results<Created<MenuItem>, ValidationProblem, ProblemHttpResult>> CreateItem(
        [AsParameters] MenuServices services, MenuItem? item, HttpResponse response, CancellationToken cancellationToken)
    {
        if (item is null) return MenuValidation.BodyRequired("a menu item as a JSON object");
        item = MenuItemValidator.Trimmed(item);
        var errors = MenuValidation.Validate(item);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, "The item is not valid; fix the fields listed in errors.");

        var result = await services.Repository.CreateAsync(item, cancellationToken);
        if (result.Status == Data.WriteStatus.Conflict)
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
        return TypedResults.Created(MenuApi.ItemLocation(created.ProductName), created);
    }

    internal static async Task<Results<Created<IReadOnlyList<MenuItem>>, ValidationProblem, ProblemHttpResult>> CreateBatch(
        [AsParameters] MenuServices services, List<MenuItem?>? items, CancellationToken cancellationToken)
    {
        if (items is null) return MenuValidation.BodyRequired("a JSON array of 1 to 100 menu items");
        if (items.Count is 0 or > MenuValidation.MaxBatchItems)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = [$"Send 1 to {MenuValidation.MaxBatchItems} items (got {items.Count})."] },
                "The batch has the wrong number of items.");
        }

        var errors = new Dictionary<string, string[]>();
        var trimmed = items.Select(item => item is null ? null : MenuItemValidator.Trimmed(item)).ToList();
        for (var i = 0; i < trimmed.Count; i++)
        {
            if (trimmed[i] is not { } item) errors[$"[{i}]"] = [$"Position {i} is null; each element must be a menu item object."];
            else foreach (var (field, messages) in MenuValidation.Validate(item, $"[{i}]")) errors[field] = messages;
        }

        var duplicates = MenuValidation.Duplicates(trimmed, errors);
        if (errors.Count > 0)
        {
            var detail = duplicates.Count > 0
                ? $"{duplicates.Count} product name(s) appear more than once; nothing was written. Fix the fields listed in errors."
                : "Some items are not valid; nothing was written. Fix the fields listed in errors.";
            return TypedResults.ValidationProblem(errors, detail,
                extensions: duplicates.Count > 0 ? new Dictionary<string, object?> { ["duplicates"] = duplicates } : null);
        }

        var checkedItems = trimmed.Select(item => item!).ToList();
        var result = await services.Repository.CreateBatchAsync(checkedItems, cancellationToken);
        if (result.Existing.Count > 0)
        {
            services.Telemetry.Conflict("batch", "exists");
            Log.BatchConflict(services.Logger, checkedItems.Count, result.Existing.Count);
            return MenuProblems.BatchItemsExist(result.Existing);
        }

        services.Telemetry.ItemsCreated(result.Created.Count, "batch");
        Log.BatchCreated(services.Logger, result.Created.Count);
        return TypedResults.Created("/menu", result.Created);
    }
}
