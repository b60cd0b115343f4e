using CafeMenu.Menu;

namespace CafeMenu.Api.Data;

/// <summary>What a conditional write did.</summary>
internal enum WriteStatus
{
    Done,
    NotFound,
    /// <summary>The item exists (create) or its version is not the one the client named (If-Match).</summary>
    Conflict,
}

/// <param name="Item">The item after the write; on <see cref="WriteStatus.Conflict"/> the item as it is now.</param>
internal sealed record WriteResult(WriteStatus Status, MenuItem? Item = null);

/// <summary>The outcome of an all-or-nothing batch: either every item was written, or the ones that already exist.</summary>
internal sealed record BatchResult(IReadOnlyList<MenuItem> Created, IReadOnlyList<ExistingItem> Existing);

internal sealed record ExistingItem(int Position, string ProductName, MenuItem? Item);

/// <summary>The versions an If-Match header allows: <c>*</c> (any existing item) or a list of ETags.</summary>
internal sealed record VersionCondition(bool AnyVersion, IReadOnlyList<long> Versions)
{
    public static readonly VersionCondition Any = new(true, []);

    public bool Allows(long version) => AnyVersion || Versions.Contains(version);
}

/// <summary>A stored product name that breaks the name rule, and the rules it breaks.</summary>
internal sealed record NoncanonicalName(string ProductName, IReadOnlyList<string> Problems);

/// <summary>A stored item that <see cref="MenuItem"/> cannot represent exactly; the Api answers 422 for it on its own route.</summary>
internal sealed class UnrepresentableItemException(string productName, string problem)
    : Exception($"The stored item '{productName}' cannot be represented: {problem}.")
{
    public string ProductName { get; } = productName;

    public string Problem { get; } = problem;
}

/// <summary>A partial update; null fields are left as they are.</summary>
internal sealed record MenuItemPatch
{
    [System.Text.Json.Serialization.JsonConverter(typeof(ExactPriceConverter))]
    public decimal? Price { get; init; }

    /// <summary>An empty string removes the description.</summary>
    public string? Description { get; init; }

    public string? ProductGroup { get; init; }

    public IReadOnlyList<string>? Tags { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsEmpty => Price is null && Description is null && ProductGroup is null && Tags is null;
}

/// <summary>One page of a listing, and the DynamoDB key to resume from (null when the listing is exhausted).</summary>
internal sealed record MenuItemsPage(IReadOnlyList<MenuItem> Items, Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>? LastKey);
