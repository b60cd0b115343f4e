using CafeMenu.Api.Data;
using CafeMenu.Api.Telemetry;
using CafeMenu.Menu;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CafeMenu.Api.Apis;

/// <summary>PATCH /guests/{guest_id}/orders/{order_id}/status: one conditional step, under If-Match.</summary>
internal static class OrderStatusChanges
{
    internal static async Task<Results<Ok<Order>, ValidationProblem, ProblemHttpResult>> ChangeStatus(
        [AsParameters] OrderServices services, [FromRoute(Name = "guest_id")] string guestId, [FromRoute(Name = "order_id")] string orderId,
        StatusChangeRequest? change, [FromHeader(Name = "If-Match")] string? ifMatch, HttpResponse response, CancellationToken cancellationToken)
    {
        if (Validate(guestId, orderId, change) is { } invalid) return invalid;
        if (string.IsNullOrWhiteSpace(ifMatch)) return OrderProblems.IfMatchRequired(guestId, orderId);
        if (ETags.ReadIfMatch(ifMatch, out var condition) is { } malformed) return malformed;

        var target = change!.Status;
        var result = await services.StatusWrites.AdvanceAsync(guestId, orderId, target, condition, cancellationToken);
        return Answer(services, guestId, orderId, target, result, response);
    }

    private static ValidationProblem? Validate(string guestId, string orderId, StatusChangeRequest? change)
    {
        if (change is null) return MenuValidation.BodyRequired("a JSON object such as {\"status\":\"preparing\"}");
        var errors = new Dictionary<string, string[]>();
        OrderQuery.CheckGuest(guestId, errors);
        OrderQuery.CheckOrderId(orderId, errors);
        if (OrderStatus.PredecessorOf(change.Status) is null)
        {
            errors["status"] = [$"status must be one of {string.Join(", ", OrderStatus.All.Where(s => OrderStatus.PredecessorOf(s) is not null))} (got '{EchoedText.Shorten(change.Status)}'); only a new order is placed."];
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors, "Fix the fields listed in errors.");
    }

    private static Results<Ok<Order>, ValidationProblem, ProblemHttpResult> Answer(
        OrderServices services, string guestId, string orderId, string target, AdvanceResult result, HttpResponse response)
    {
        if (result.Order is { } order) response.Headers.ETag = ETags.For(order.Version);
        switch (result.Status)
        {
            case AdvanceStatus.NotFound:
                return OrderProblems.NotFound(guestId, orderId);
            case AdvanceStatus.Stale:
                Log.OrderNotAdvanced(services.Logger, guestId, orderId, target, "version_mismatch");
                return OrderProblems.Stale(result.Order!);
            case AdvanceStatus.NotAllowed:
                Log.OrderNotAdvanced(services.Logger, guestId, orderId, target, $"not allowed from {result.Order!.Status}");
                return OrderProblems.NotAllowed(result.Order!, target);
            default:
                var from = OrderStatus.PredecessorOf(target)!;
                services.Telemetry.Advanced(from, target);
                Log.OrderAdvanced(services.Logger, guestId, orderId, from, target, result.Order!.Version);
                return TypedResults.Ok(result.Order!);
        }
    }
}
