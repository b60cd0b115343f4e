using System.Text.Json.Serialization;
using CafeMenu.Menu;

namespace CafeMenu.Web.Client;

internal enum OrderOutcome
{
    /// <summary>200 or 201: <see cref="OrderResult.Order"/> is the order as it is now.</summary>
    Success,

    /// <summary>404: no such order for this guest, or it expired.</summary>
    NotFound,

    /// <summary>409 on placing: the menu refused lines (see <see cref="OrderResult.RefusedLines"/>); nothing was ordered.</summary>
    Refused,

    /// <summary>409 on a status step: the step is not allowed from the order's status; <see cref="OrderResult.Order"/> is the order as it is.</summary>
    NotAllowed,

    /// <summary>412: someone moved the order since its ETag was read; <see cref="OrderResult.Order"/> is the order as it is.</summary>
    Stale,

    /// <summary>400, 422, 428 or another 4xx: see <see cref="OrderResult.Problem"/>.</summary>
    Rejected,
}

/// <summary>The answer to placing, reading or moving one order.</summary>
internal sealed record OrderResult(
    OrderOutcome Outcome,
    Order? Order = null,
    string? ETag = null,
    ApiProblem? Problem = null,
    IReadOnlyList<RefusedOrderLine>? RefusedLines = null)
{
    public bool IsSuccess => Outcome == OrderOutcome.Success;
}

/// <summary>One line of a 409 on placing: its zero-based position, why, and what the menu holds now.</summary>
internal sealed record RefusedOrderLine(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("product_name")] string ProductName,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("current_price")] decimal? CurrentPrice,
    [property: JsonPropertyName("stock_left")] long? StockLeft);
