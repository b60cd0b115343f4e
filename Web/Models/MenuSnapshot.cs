using CafeMenu.Menu;

namespace CafeMenu.Web.Models;

/// <summary>What a page loaded while it was prerendered, handed to its interactive self so the Api is not asked twice.</summary>
public sealed record MenuSnapshot(MenuFilter Filter, List<MenuItem> Items, string? Cursor, bool HasMore);
