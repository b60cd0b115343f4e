using System.Text.Json.Serialization;
using CafeMenu.Menu;

namespace CafeMenu.Web.Client;

/// <summary>One page of a guest's orders or of the kitchen queue; <c>next_cursor</c> is null on the last page.</summary>
internal sealed record OrdersPage(
    [property: JsonPropertyName("items")] IReadOnlyList<Order> Items,
    [property: JsonPropertyName("next_cursor")] string? NextCursor);

/// <summary>A page, or the problem that refused the listing (a range whose end comes before its start, a tampered cursor).</summary>
internal sealed record OrdersPageResult(OrdersPage? Page, ApiProblem? Problem = null);
