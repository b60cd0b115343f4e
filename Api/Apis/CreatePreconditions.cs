namespace CafeMenu.Api.Apis;

/// <summary>
/// If-Match on a create (POST /menu, /menu/batch, /orders). Its target is the collection, which exists but has no entity
/// tag, so by RFC 9110 only <c>*</c> can be true; a list of tags is false, and a false If-Match is never performed: 412
/// before anything is written, rather than a create that silently ignored the condition.
/// </summary>
internal static class CreatePreconditions
{
    public static ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.Headers.IfMatch.Count == 0) return next(context);
        if (ETags.ReadIfMatch(request.Headers.IfMatch, out var condition) is { } malformed) return ValueTask.FromResult<object?>(malformed);

        if (condition.AnyVersion) return next(context);
        return ValueTask.FromResult<object?>(TypedResults.Problem(
            statusCode: StatusCodes.Status412PreconditionFailed,
            title: "Precondition failed",
            detail: $"If-Match names entity tags, but {request.Path} has none: a create is not conditional on a version, and it never " +
                "overwrites. Leave If-Match out, or send If-Match: *; nothing was written."));
    }
}
