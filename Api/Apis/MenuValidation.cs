using CafeMenu.Api.Data;
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

    public static Dictionary<string, string[]> Validate(MenuItemPatch patch)
    {
        var errors = new Dictionary<string, string[]>();
        if (patch.IsEmpty)
        {
            errors[""] = [$"Send at least one of {A.Price}, {A.Description}, {A.ProductGroup}, {A.Tags}."];
        }

        void Check(string field, IEnumerable<string> messages)
        {
            var list = messages.ToArray();
            if (list.Length > 0) errors[field] = list;
        }

        if (patch.Price is { } price) Check(A.Price, MenuItemValidator.ValidatePrice(price));
        Check(A.Description, MenuItemValidator.ValidateDescription(patch.Description));
        Check(A.ProductGroup, MenuItemValidator.ValidateGroup(patch.ProductGroup));
        Check(A.Tags, MenuItemValidator.ValidateTags(patch.Tags));
        // No size check: with every field within its limit (name 255, description 2,000, 20 tags of 50 characters)
        // an item stays far below DynamoDB's 400 KB.
        return errors;
    }

    public static Dictionary<string, string[]> ValidateLimit(int? limit) =>
        limit is null or (>= 1 and <= MenuRepository.MaxPageSize)
            ? []
            : new() { ["limit"] = [$"limit must be between 1 and {MenuRepository.MaxPageSize} (got {limit})."] };
}
