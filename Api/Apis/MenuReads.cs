using System.Globalization;
using CafeMenu.Api.Data;
using CafeMenu.Menu;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CafeMenu.Api.Apis;

/// <summary>The read routes: the listings, one item, and the maintenance list of names that break the name rule.</summary>
internal static class MenuReads
{
    private const int DefaultLimit = 25;

    // limit is bound as text so that ?limit=abc is answered in the Api's words (errors.limit), not the binder's.
    internal static async Task<Results<Ok<MenuPage>, ValidationProblem>> ListMenu(
        [AsParameters] MenuServices services, string? limit, string? cursor, string? group, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = ReadLimit(limit, errors);
        if (group is not null && string.IsNullOrWhiteSpace(group)) errors["group"] = ["group must not be blank when given."];
        var listing = group is null ? MenuRepository.AllItems : MenuRepository.Group(group);
        var start = ReadCursor(services, listing, cursor, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, "Fix the query parameters listed in errors.");

        var page = await services.Repository.ListAsync(group, pageSize, start, cancellationToken);
        return TypedResults.Ok(ToPage(services, listing, page));
    }

    internal static async Task<Results<Ok<MenuPage>, ValidationProblem>> ListSpecials(
        [AsParameters] MenuServices services, string? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = ReadLimit(limit, errors);
        var start = ReadCursor(services, MenuRepository.Specials, cursor, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, "Fix the query parameters listed in errors.");

        var page = await services.Repository.ListSpecialsAsync(pageSize, start, cancellationToken);
        services.Telemetry.SpecialsServed(page.Items.Count);
        return TypedResults.Ok(ToPage(services, MenuRepository.Specials, page));
    }

    internal static async Task<Results<Ok<MenuItem>, ProblemHttpResult>> GetItem(
        [AsParameters] MenuServices services, [FromRoute(Name = "product_name")] ItemName name, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var item = await services.Repository.GetAsync(name.Value, cancellationToken);
        if (item is null) return MenuProblems.NotFound(name.Value);
        response.Headers.ETag = ETags.For(item.Version);
        return TypedResults.Ok(item);
    }

    internal static async Task<Ok<NoncanonicalNames>> ListNoncanonicalNames(MenuRepository repository, CancellationToken cancellationToken) =>
        TypedResults.Ok(new NoncanonicalNames(await repository.ListNoncanonicalNamesAsync(cancellationToken)));

    private static int ReadLimit(string? text, Dictionary<string, string[]> errors)
    {
        if (text is null) return DefaultLimit;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= MenuRepository.MaxPageSize)
        {
            return limit;
        }

        errors["limit"] = [$"limit must be a whole number from 1 to {MenuRepository.MaxPageSize} (got '{(text.Length > 20 ? text[..20] + "..." : text)}')."];
        return DefaultLimit;
    }

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
}
