namespace CafeMenu.Menu;

/// <summary>The café's rules for a menu item; errors are keyed by the snake_case field name, as in ProblemDetails' <c>errors</c>.</summary>
public static class MenuItemValidator
{
    public const int MaxNameLength = ProductName.MaxLength;
    public const int MaxDescriptionLength = 2000;
    public const int MaxGroupLength = 100;
    public const int MaxTags = 20;
    public const int MaxTagLength = 50;
    public const int MaxPriceDecimals = 2;

    public static Dictionary<string, string[]> Validate(MenuItem item)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list)) errors[field] = list = [];
            list.Add(message);
        }

        foreach (var message in ValidateName(item.ProductName)) Add(MenuTable.Attributes.ProductName, message);
        foreach (var message in ValidatePrice(item.Price)) Add(MenuTable.Attributes.Price, message);
        foreach (var message in ValidateDescription(item.Description)) Add(MenuTable.Attributes.Description, message);
        foreach (var message in ValidateGroup(item.ProductGroup)) Add(MenuTable.Attributes.ProductGroup, message);
        foreach (var message in ValidateTags(item.Tags)) Add(MenuTable.Attributes.Tags, message);
        if (item.Special is not (null or 1)) Add(MenuTable.Attributes.Special, "special must be 1 or absent.");
        if (item.ProductId is < 0) Add(MenuTable.Attributes.ProductId, "product_id must be zero or positive.");

        if (errors.Count == 0)
        {
            var size = ItemSize.Of(MenuItemMapper.ToAttributes(item));
            if (size >= ItemSize.MaxBytes)
            {
                Add("item", $"The item is {size:N0} bytes; DynamoDB items must be under {ItemSize.MaxBytes:N0} bytes (400 KB).");
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    public static IEnumerable<string> ValidateName(string? name) => ProductName.Problems(name);

    public static IEnumerable<string> ValidatePrice(decimal price)
    {
        if (price < 0) yield return "price must be zero or positive.";
        if (price.Scale > MaxPriceDecimals && price != Math.Round(price, MaxPriceDecimals))
            yield return $"price must have at most {MaxPriceDecimals} decimal places.";
    }

    public static IEnumerable<string> ValidateDescription(string? description)
    {
        if (description is null) yield break;
        if (description.Length > MaxDescriptionLength) yield return $"description must be at most {MaxDescriptionLength} characters (got {description.Length}).";
        if (Text.HasLoneSurrogate(description)) yield return "description must be valid Unicode text.";
    }

    public static IEnumerable<string> ValidateGroup(string? group)
    {
        if (group is null) yield break;
        if (group.Length == 0) yield return "product_group must not be blank when given.";
        if (group.Length > MaxGroupLength) yield return $"product_group must be at most {MaxGroupLength} characters.";
        if (group.Any(char.IsControl)) yield return "product_group must not contain control characters.";
    }

    public static IEnumerable<string> ValidateTags(IReadOnlyList<string>? tags)
    {
        if (tags is null) yield break;
        if (tags.Count > MaxTags) yield return $"at most {MaxTags} tags are allowed (got {tags.Count}).";
        for (var i = 0; i < tags.Count; i++)
        {
            var tag = tags[i] ?? "";
            if (tag.Length is 0 or > MaxTagLength) yield return $"tags[{i}] must be 1 to {MaxTagLength} characters.";
            else if (tag.Any(char.IsControl)) yield return $"tags[{i}] must not contain control characters.";
        }
    }

    /// <summary>
    /// The item as it is checked and stored: description, group and tags without surrounding whitespace (a blank
    /// description is not stored, so it becomes null here and the answer shows what is stored; a blank group is still refused).
    /// Checking the trimmed text and then storing the untrimmed one let padding past every length limit. The name is not
    /// trimmed: <see cref="ProductName"/> refuses padding instead, as a key must not change.
    /// </summary>
    public static MenuItem Trimmed(MenuItem item) => item with
    {
        Description = item.Description?.Trim() is { Length: > 0 } description ? description : null,
        ProductGroup = item.ProductGroup?.Trim(),
        Tags = item.Tags.Select(t => t?.Trim()!).ToList(),
    };
}
