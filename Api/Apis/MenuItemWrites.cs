using CafeMenu.Api.Data;
using CafeMenu.Api.Telemetry;
using CafeMenu.Menu;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CafeMenu.Api.Apis;

/// <summary>The routes that change one item: PATCH, the special toggles and DELETE, each conditional on If-Match.</summary>
internal static class MenuItemWrites
{
    internal static async Task<Results<Ok<MenuItem>, ValidationProblem, ProblemHttpResult>> UpdateItem(
        [AsParameters] MenuServices services, [FromRoute(Name = "product_name")] ItemName name, MenuItemPatch? patch,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(ifMatch)) return MenuProblems.IfMatchRequired(name.Value);
        if (ETags.ReadIfMatch(ifMatch, out var condition) is { } malformed) return malformed;
        if (patch is null) return MenuValidation.BodyRequired("a JSON object with the fields to change");

        patch = MenuValidation.Trimmed(patch);
        var errors = MenuValidation.Validate(patch);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, "The changes are not valid; fix the fields listed in errors.");

        var result = await services.Repository.UpdateAsync(name.Value, patch, condition, cancellationToken);
        return Outcome(services, "update", name.Value, result, response);
    }

    internal static Task<Results<Ok<MenuItem>, ValidationProblem, ProblemHttpResult>> PutSpecial(
        [AsParameters] MenuServices services, [FromRoute(Name = "product_name")] ItemName name,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response, CancellationToken cancellationToken) =>
        SetSpecial(services, name.Value, special: true, ifMatch, response, cancellationToken);

    internal static Task<Results<Ok<MenuItem>, ValidationProblem, ProblemHttpResult>> DeleteSpecial(
        [AsParameters] MenuServices services, [FromRoute(Name = "product_name")] ItemName name,
        [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response, CancellationToken cancellationToken) =>
        SetSpecial(services, name.Value, special: false, ifMatch, response, cancellationToken);

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteItem(
        [AsParameters] MenuServices services, [FromRoute(Name = "product_name")] ItemName name,
        [FromHeader(Name = "If-Match")] string? ifMatch, CancellationToken cancellationToken)
    {
        var condition = VersionCondition.Any;
        if (ifMatch is not null && ETags.ReadIfMatch(ifMatch, out condition) is { } malformed) return malformed;

        var result = await Conditional(services, name.Value, condition,
            () => services.Repository.DeleteAsync(name.Value, condition, cancellationToken), cancellationToken);
        switch (result.Status)
        {
            case WriteStatus.NotFound:
                return MenuProblems.NotFound(name.Value);
            case WriteStatus.Conflict:
                services.Telemetry.Conflict("delete", "version_mismatch");
                Log.PreconditionFailed(services.Logger, name.Value);
                return MenuProblems.VersionMismatch(name.Value, result.Item);
            default:
                Log.ItemDeleted(services.Logger, name.Value);
                return TypedResults.NoContent();
        }
    }

    private static async Task<Results<Ok<MenuItem>, ValidationProblem, ProblemHttpResult>> SetSpecial(
        MenuServices services, string productName, bool special, string? ifMatch, HttpResponse response, CancellationToken cancellationToken)
    {
        var condition = VersionCondition.Any;
        if (ifMatch is not null && ETags.ReadIfMatch(ifMatch, out condition) is { } malformed) return malformed;
        var result = await services.Repository.SetSpecialAsync(productName, special, condition, cancellationToken);
        return Outcome(services, special ? "put_special" : "delete_special", productName, result, response);
    }

    /// <summary>
    /// If-Match named only tags that are no version of ours: the precondition fails whenever the item exists, with no write
    /// tried. A DELETE needs this; an update reads the item first and settles it there.
    /// </summary>
    private static async Task<WriteResult> Conditional(
        MenuServices services, string productName, VersionCondition condition, Func<Task<WriteResult>> write, CancellationToken cancellationToken)
    {
        if (condition is not { AnyVersion: false, Versions.Count: 0 }) return await write();
        return await services.Repository.GetAsync(productName, cancellationToken) is { } current
            ? new WriteResult(WriteStatus.Conflict, current)
            : new WriteResult(WriteStatus.NotFound);
    }

    private static Results<Ok<MenuItem>, ValidationProblem, ProblemHttpResult> Outcome(
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
}
