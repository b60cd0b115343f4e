using CafeMenu.Api.Data;
using CafeMenu.Menu;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CafeMenu.Api.Apis;

/// <summary>The ordering error answers, each a ProblemDetails whose detail says what to do next.</summary>
internal static class OrderProblems
{
    public static ProblemHttpResult NotFound(string guestId, string orderId) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Order not found",
        detail: $"Guest '{guestId}' has no order '{orderId}' (or it expired unpaid). GET /guests/{guestId}/orders lists the guest's orders.");

    public static ProblemHttpResult Refused(IReadOnlyList<RefusedLine> lines) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "The menu changed",
        detail: $"Nothing was ordered: {string.Join("; ", lines.Select(Describe))}. Update the basket from lines and the current menu, then place the order again.",
        extensions: new Dictionary<string, object?> { ["lines"] = lines });

    public static ProblemHttpResult KeyReused(Order? existing) => TypedResults.Problem(
        statusCode: StatusCodes.Status422UnprocessableEntity,
        title: "Idempotency-Key reused",
        detail: "This Idempotency-Key was already used for a different order" +
            (existing is null ? "" : $" ({existing.OrderId})") + ". Nothing was written. Send a new key for a new order; resend the same body to get the first answer again.",
        extensions: new Dictionary<string, object?> { ["existing_order_id"] = existing?.OrderId });

    public static ProblemHttpResult IfMatchRequired(string guestId, string orderId) => TypedResults.Problem(
        statusCode: StatusCodes.Status428PreconditionRequired,
        title: "If-Match required",
        detail: $"Send If-Match with the order's ETag (GET /guests/{guestId}/orders/{OrderId.UrlSegment(orderId)} returns it), so a step someone else made meanwhile is never overridden.");

    public static ProblemHttpResult Stale(Order current) => TypedResults.Problem(
        statusCode: StatusCodes.Status412PreconditionFailed,
        title: "Order changed meanwhile",
        detail: $"Someone moved order {current.OrderId} first: it is now '{current.Status}' at version {current.Version} (ETag {ETags.For(current.Version)}). " +
            "Nothing was changed; see current, then choose the next step again.",
        extensions: new Dictionary<string, object?> { ["current"] = current, ["current_version"] = current.Version });

    public static ProblemHttpResult NotAllowed(Order current, string target) => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Step not allowed",
        detail: $"Order {current.OrderId} is '{current.Status}'; it cannot move to '{target}'. " +
            (current.NextSteps.Count == 0 ? "It is closed." : $"Allowed next: {string.Join(", ", current.NextSteps)}.") +
            " The steps are placed → preparing → ready → collected, and placed → cancelled.",
        extensions: new Dictionary<string, object?> { ["current"] = current, ["allowed"] = current.NextSteps });

    private static string Describe(RefusedLine line) => line.Reason switch
    {
        RefusalReasons.UnknownProduct => $"line {line.Line}: '{line.ProductName}' is not on the menu",
        RefusalReasons.OutOfStock => $"line {line.Line}: '{line.ProductName}' is out of stock",
        RefusalReasons.PriceChanged => $"line {line.Line}: the price of '{line.ProductName}' is now {line.CurrentPrice?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unavailable"}",
        RefusalReasons.NotEnoughStock => $"line {line.Line}: only {line.StockLeft} portion(s) of '{line.ProductName}' are left",
        _ => $"line {line.Line}: '{line.ProductName}' changed while the order was written",
    };
}
