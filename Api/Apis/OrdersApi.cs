using CafeMenu.Menu;

namespace CafeMenu.Api.Apis;

/// <summary>The ordering endpoints: placing an order, a guest's orders, the kitchen queue, status steps.</summary>
internal static class OrdersApi
{
    private const string OrderRoute = "/guests/{guest_id}/orders/{order_id}";

    private const string Guest =
        "This reference app has no sign-in: a guest is the `guest_id` in the path (the Web makes a random one per browser), " +
        "1 to 64 ASCII letters, digits, '-' or '_'. ";

    public static IEndpointRouteBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("").WithTags("Orders").ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        orders.MapPost("/orders", OrderPlacing.PlaceOrder)
            .WithName("PlaceOrder")
            .WithSummary("Places an order: one TransactWriteItems, all or nothing")
            .WithDescription(
                "Puts the order (`attribute_not_exists`) and, per line, checks the menu item in the same transaction: it exists, is not " +
                "tagged `out of stock`, has the `unit_price` the guest saw, and, where the café counts portions (`stock`), has enough " +
                $"(taken in the same transaction). 1 to {OrderRules.MaxLines} lines (100 actions per transaction: the order and one per line); " +
                $"quantities are whole numbers {OrderRules.MinQuantity} to {OrderRules.MaxQuantity}; a product on two lines is refused (400 with " +
                "`duplicates`). The total is computed by the Api. 409 names each refused line with its reason and the current price; nothing is " +
                "written. `Idempotency-Key` (optional, 1 to 255 visible ASCII characters): the same key with the same body gives the same " +
                "order again (201 with `Idempotent-Replayed: true`), never a second one; with a different body it is a 422. " + Guest)
            .Accepts<PlaceOrderRequest>("application/json")
            .AddEndpointFilter(CreatePreconditions.InvokeAsync)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExamples(OrderExamples.PlaceRequest, (201, OrderExamples.Order), (409, OrderExamples.Refused));

        orders.MapGet("/guests/{guest_id}/orders", OrderReads.ListGuestOrders)
            .WithName("ListGuestOrders")
            .WithSummary("A guest's orders, newest first, optionally between two times or in one status")
            .WithDescription(
                "A Query on the table: `guest_id = :guest AND order_id BETWEEN :from AND :to`, descending. With `status`: a Query on the " +
                "local index `status_LSI`, `begins_with(status_order, 'ready#')` (or BETWEEN with from/to). `from`/`to`: a UTC date " +
                "(`2026-11-23`, the whole day) or a time with its offset (`2026-11-23T15:00:00Z`), both inclusive. Expired orders are left " +
                "out. `next_cursor` is tamper-proof and bound to the guest, range and status. " + Guest)
            .ProducesValidationProblem()
            .WithExamples(null, (200, OrderExamples.Page));

        orders.MapGet(OrderRoute, OrderReads.GetOrder)
            .WithName("GetOrder")
            .WithSummary("One order, with its version as ETag")
            .WithDescription("GetItem by the full key, strongly consistent. The order id is one path segment: `#` as `%23`. 422 when " +
                "the stored order cannot be represented. " + Guest)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExamples(null, (200, OrderExamples.Order));

        orders.MapPatch(OrderRoute + "/status", OrderStatusChanges.ChangeStatus)
            .WithName("ChangeOrderStatus")
            .WithSummary("Moves an order one step: placed → preparing → ready → collected, or placed → cancelled")
            .WithDescription(
                "A GetItem, then one UpdateItem with `ConditionExpression` on the step's one allowed current status and the version in `If-Match` " +
                "(required). Collected and cancelled orders lose `queue` and leave the kitchen queue; collected ones also lose " +
                "`expires_at`. 412 with `current` when the order changed since the ETag; 409 with `current` and `allowed` when the step " +
                "is not allowed from the order's status; 422, with nothing written, when the stored order cannot be represented.")
            .Accepts<StatusChangeRequest>("application/json")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired)
            .WithExamples(OrderExamples.StatusChange, (200, OrderExamples.Order));

        orders.MapGet("/kitchen/queue", OrderReads.ListKitchenQueue)
            .WithTags("Kitchen")
            .WithName("ListKitchenQueue")
            .WithSummary("The open orders (placed, preparing, ready) of every guest, oldest first")
            .WithDescription(
                "A Query on the sparse index `queue_GSI` (`queue = open`), ascending by order id: only open orders carry `queue`. " +
                "Eventually consistent, as every GSI read. Expired orders are left out.")
            .ProducesValidationProblem()
            .WithExamples(null, (200, OrderExamples.Page));

        return app;
    }

    internal static string OrderLocation(string guestId, string orderId) => $"/guests/{guestId}/orders/{OrderId.UrlSegment(orderId)}";
}
