using CafeMenu.Api.Data;
using CafeMenu.Api.Telemetry;
using CafeMenu.Menu;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CafeMenu.Api.Apis;

/// <summary>POST /orders: check the request, place it (see <see cref="OrderPlacement"/>), answer what happened.</summary>
internal static class OrderPlacing
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Set on a 201 that answers a repeated Idempotency-Key with the order it placed before.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    // The body is optional to the binder so that an empty or null body is answered here, in the Api's words.
    internal static async Task<Results<Created<Order>, ValidationProblem, ProblemHttpResult>> PlaceOrder(
        [AsParameters] OrderServices services, PlaceOrderRequest? request, [FromHeader(Name = IdempotencyKeyHeader)] string? idempotencyKey,
        HttpResponse response, CancellationToken cancellationToken)
    {
        if (request is null) return MenuValidation.BodyRequired("an order as a JSON object with guest_id, pickup_name and lines");
        var trimmed = OrderValidation.Trimmed(request);
        if (Validate(trimmed, idempotencyKey) is { } invalid) return invalid;

        var order = OrderValidation.ToNewOrder(trimmed, idempotencyKey);
        var result = await services.Placement.PlaceAsync(order, cancellationToken);
        return Answer(services, order, result, response);
    }

    private static ValidationProblem? Validate(PlaceOrderRequest request, string? idempotencyKey)
    {
        var duplicates = new List<DuplicateLineEntry>();
        var errors = OrderValidation.Validate(request, duplicates);
        if (OrderValidation.IdempotencyKeyProblem(idempotencyKey) is { } keyProblem) errors[IdempotencyKeyHeader] = [keyProblem];
        if (errors.Count == 0) return null;
        return TypedResults.ValidationProblem(errors,
            duplicates.Count > 0
                ? $"{duplicates.Count} product(s) appear on more than one line; nothing was ordered. Fix the fields listed in errors."
                : "The order is not valid; nothing was ordered. Fix the fields listed in errors.",
            extensions: duplicates.Count > 0 ? new Dictionary<string, object?> { ["duplicates"] = duplicates } : null);
    }

    private static Results<Created<Order>, ValidationProblem, ProblemHttpResult> Answer(
        OrderServices services, NewOrder request, PlaceResult result, HttpResponse response)
    {
        switch (result.Status)
        {
            case PlaceStatus.Refused:
                var refused = result.Refused!;
                services.Telemetry.Refused(refused[0].Reason);
                Log.OrderRefused(services.Logger, request.GuestId, refused[0].Reason);
                return OrderProblems.Refused(refused);
            case PlaceStatus.KeyReused:
                services.Telemetry.Refused("idempotency_key_reused");
                Log.OrderRefused(services.Logger, request.GuestId, "idempotency_key_reused");
                return OrderProblems.KeyReused(result.Order);
            default:
                var order = result.Order!;
                if (result.Status == PlaceStatus.Replayed)
                {
                    response.Headers[ReplayedHeader] = "true";
                }
                else
                {
                    services.Telemetry.Placed();
                    Log.OrderPlaced(services.Logger, order.GuestId, order.OrderId, order.Lines.Count);
                }

                response.Headers.ETag = ETags.For(order.Version);
                return TypedResults.Created(OrdersApi.OrderLocation(order.GuestId, order.OrderId), order);
        }
    }
}
