using CafeMenu.Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using CafeMenu.Menu;
using A = CafeMenu.Menu.MenuTable.Attributes;

namespace CafeMenu.Api.Apis;

/// <summary>Request validation on top of <see cref="MenuItemValidator"/>; error keys are snake_case field paths.</summary>
internal static class MenuValidation
{
    public const int MaxBatchItems = 100;

    public static Dictionary<string, string[]> Validate(MenuItem item, string prefix = "")
    {
        var errors = MenuItemValidator.Validate(item);
        // The validator checks the size only when every field is valid; a huge item must still be told why, whatever else is wrong.
        if (!errors.ContainsKey("item") && ItemSize.Of(MenuItemMapper.ToAttributes(item)) is var size and >= ItemSize.MaxBytes)
        {
            errors["item"] = [$"The item is {size:N0} bytes; DynamoDB items must be under {ItemSize.MaxBytes:N0} bytes (400 KB). Shorten the description or tags."];
        }

        return prefix.Length == 0 ? errors : errors.ToDictionary(e => $"{prefix}.{e.Key}", e => e.Value);
    }

    /// <summary>The names that appear more than once, each with its positions; adds an error at every position.</summary>
    public static List<DuplicateEntry> Duplicates(IReadOnlyList<MenuItem?> items, Dictionary<string, string[]> errors)
    {
        // DynamoDB compares keys byte for byte, so duplicates are found with ordinal comparison.
        var duplicates = items.Select((item, position) => (item?.ProductName, position))
            .Where(x => x.ProductName is not null)
            .GroupBy(x => x.ProductName!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => new DuplicateEntry(g.Key, g.Select(x => x.position).ToList()))
            .ToList();
        foreach (var duplicate in duplicates)
        {
            var message = $"'{duplicate.ProductName}' appears at positions {string.Join(", ", duplicate.Positions)}; each product may appear once.";
            foreach (var position in duplicate.Positions) errors[$"[{position}].{A.ProductName}"] = [message];
        }

        return duplicates;
    }

    /// <summary>The changes as they will be stored: text trimmed first, so the limits apply to what is written.</summary>
    public static MenuItemPatch Trimmed(MenuItemPatch patch) => patch with
    {
        Description = patch.Description?.Trim(),
        ProductGroup = patch.ProductGroup?.Trim(),
        Tags = patch.Tags?.Select(t => t?.Trim()!).ToList(),
    };

    public static Dictionary<string, string[]> Validate(MenuItemPatch patch)
    {
        var errors = new Dictionary<string, string[]>();
        if (patch.IsEmpty)
        {
            errors["body"] = [$"Send at least one of {A.Price}, {A.Description}, {A.ProductGroup}, {A.Tags}."];
        }

        void Check(string field, IEnumerable<string> messages)
        {
            var list = messages.ToArray();
            if (list.Length > 0) errors[field] = list;
        }

        // The price was checked on its text by ExactPriceConverter while the body was read.
        Check(A.Description, MenuItemValidator.ValidateDescription(patch.Description));
        Check(A.ProductGroup, MenuItemValidator.ValidateGroup(patch.ProductGroup));
        Check(A.Tags, MenuItemValidator.ValidateTags(patch.Tags));
        // Every field within its limit keeps a patched item far below DynamoDB's 400 KB; an item stored larger by another
        // tool is refused by DynamoDB, which ApiExceptionHandler answers as a 400, not a 500.
        return errors;
    }

    /// <summary>An empty body, or the JSON literal null, where the route needs one.</summary>
    public static ValidationProblem BodyRequired(string what) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["body"] = [$"The body must be {what}; it was empty or null."] },
        $"Send {what} with Content-Type: application/json.");
}
