using CafeMenu.Api.Data;
using CafeMenu.Menu;

namespace CafeMenu.Api.Apis;

/// <summary>One page of a listing; <c>next_cursor</c> is null on the last page.</summary>
internal sealed record MenuPage(IReadOnlyList<MenuItem> Items, string? NextCursor);

/// <summary>An item that a batch could not create because it already exists.</summary>
internal sealed record ExistingItemEntry(int Position, string ProductName, MenuItem? Item);

/// <summary>A product name that appears more than once in one batch, with its zero-based positions.</summary>
internal sealed record DuplicateEntry(string ProductName, IReadOnlyList<int> Positions);

/// <summary>The answer of the maintenance route: every stored name that breaks the name rule.</summary>
internal sealed record NoncanonicalNames(IReadOnlyList<NoncanonicalName> Items);
