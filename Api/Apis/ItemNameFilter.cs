using CafeMenu.Menu;

namespace CafeMenu.Api.Apis;

/// <summary>Refuses an item route whose name breaks the name rule: 400 with <c>errors.product_name</c>, before the handler runs.</summary>
internal static class ItemNameFilter
{
    public static ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (context.Arguments.OfType<ItemName>().FirstOrDefault() is not { Problems.Count: > 0 } name) return next(context);
        return ValueTask.FromResult<object?>(TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [MenuTable.Attributes.ProductName] = [.. name.Problems] },
            "The product name in the path breaks the name rule, so the Api does not address it: new items cannot take it, and items " +
            "stored under such a name before the rule are listed by GET /maintenance/noncanonical-names (docs/api.md says how to " +
            "replace them). Address items as one percent-encoded path segment (the Location header of a create shows it)."));
    }
}
