using System.Text.Json.Serialization;
using CafeMenu.Menu;

namespace CafeMenu.Web.Client;

/// <summary>One page of the Api's <c>GET /menu</c> or <c>GET /menu/specials</c>; <c>next_cursor</c> is null on the last page.</summary>
internal sealed record MenuPage(
    [property: JsonPropertyName("items")] IReadOnlyList<MenuItem> Items,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);
