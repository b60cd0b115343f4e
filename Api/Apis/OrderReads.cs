using CafeMenu.Api.Data;
using CafeMenu.Menu;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CafeMenu.Api.Apis;

/// <summary>The order reads: one order (GetItem), a guest's orders (Query on the table or status_LSI), the kitchen queue (Query on queue_GSI).</summary>
internal static class OrderReads
{
    internal static async Task<Results<Ok<Order>, ValidationProblem, ProblemHttpResult>> GetOrder(
        [AsParameters] OrderServices services, [FromRoute(Name = "guest_id")] string guestId, [FromRoute(Name = "order_id")] string orderId,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        OrderQuery.CheckGuest(guestId, errors);
        OrderQuery.CheckOrderId(orderId, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, "Fix the path values listed in errors.");

        var order = await services.Orders.GetAsync(guestId, orderId, cancellationToken);
        if (order is null) return OrderProblems.NotFound(guestId, orderId);
        response.Headers.ETag = ETags.For(order.Version);
        return TypedResults.Ok(order);
    }

    // limit is bound as text so that ?limit=abc is answered in the Api's words (errors.limit), not the binder's.
    internal static async Task<Results<Ok<OrdersPage>, ValidationProblem>> ListGuestOrders(
        [AsParameters] OrderServices services, [FromRoute(Name = "guest_id")] string guestId, string? from, string? to, string? status,
        string? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        OrderQuery.CheckGuest(guestId, errors);
        var pageSize = OrderQuery.Limit(limit, errors);
        var (lower, upper) = OrderQuery.Range(from, to, errors);
        var inStatus = OrderQuery.Status(status, errors);
        var listing = OrdersRepository.GuestOrders(guestId, inStatus, lower, upper);
        var start = OrderQuery.Cursor(services.Cursors, listing, cursor, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, "Fix the query parameters listed in errors.");

        var page = inStatus is null
            ? await services.Orders.ListAsync(guestId, lower, upper, pageSize, start, cancellationToken)
            : await services.Orders.ListInStatusAsync(guestId, inStatus, from is null && to is null ? null : (lower, upper), pageSize, start, cancellationToken);
        return TypedResults.Ok(ToPage(services, listing, page));
    }

    internal static async Task<Results<Ok<OrdersPage>, ValidationProblem>> ListKitchenQueue(
        [AsParameters] OrderServices services, string? limit, string? cursor, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = OrderQuery.Limit(limit, errors);
        var start = OrderQuery.Cursor(services.Cursors, OrdersRepository.KitchenQueue, cursor, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, "Fix the query parameters listed in errors.");

        var page = await services.Orders.ListQueueAsync(pageSize, start, cancellationToken);
        return TypedResults.Ok(ToPage(services, OrdersRepository.KitchenQueue, page));
    }

    private static OrdersPage ToPage(OrderServices services, Listing listing, OrdersPageResult page) =>
        new(page.Items, page.LastKey is null ? null : services.Cursors.Protect(listing, page.LastKey));
}
