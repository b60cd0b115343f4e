using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using CafeMenu.Menu;

namespace CafeMenu.Web.Client;

/// <summary>
/// Typed client of the Api's order routes (base address <c>http://api</c>, resolved by service discovery like the menu's).
/// The Api being unreachable or answering 5xx is a <see cref="MenuApiUnavailableException"/>, as for the menu: one Api, one "try again".
/// </summary>
internal sealed class OrdersApiClient(HttpClient http)
{
    public const int DefaultPageSize = 25;
    public const string IdempotencyKeyHeader = "Idempotency-Key";
    private const string Service = "café's service";

    /// <summary>
    /// <c>POST /orders</c>: Success (201, also when the key was used before for this very order), Refused with the lines the
    /// menu refused (409), or Rejected (400, 422). The same key with the same body never makes a second order.
    /// </summary>
    public Task<OrderResult> PlaceAsync(PlaceOrderRequest order, string idempotencyKey, CancellationToken cancellationToken) =>
        SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "orders") { Content = JsonContent.Create(order, options: MenuApiClient.Json) };
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
            return request;
        }, cancellationToken);

    /// <summary><c>GET /guests/{guest_id}/orders/{order_id}</c>: Success with the order and its ETag, or NotFound.</summary>
    public Task<OrderResult> GetAsync(string guestId, string orderId, CancellationToken cancellationToken) =>
        SendAsync(() => OrderRequest(HttpMethod.Get, guestId, orderId), cancellationToken);

    /// <summary>
    /// <c>PATCH .../status</c> with <c>If-Match</c>: Success, Stale (412: someone moved it first), NotAllowed (409), NotFound or
    /// Rejected; the last three and Stale carry the order as it is now when the Api sends it.
    /// </summary>
    public Task<OrderResult> ChangeStatusAsync(string guestId, string orderId, string status, string etag, CancellationToken cancellationToken) =>
        SendAsync(() =>
        {
            var request = OrderRequest(HttpMethod.Patch, guestId, orderId, "/status");
            request.Content = JsonContent.Create(new StatusChangeRequest(status), options: MenuApiClient.Json);
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return request;
        }, cancellationToken);

    /// <summary><c>GET /guests/{guest_id}/orders?from=&amp;to=</c>: newest first; dates are whole UTC days, both inclusive.</summary>
    public Task<OrdersPageResult> ListGuestOrdersAsync(string guestId, DateOnly? from, DateOnly? to, string? cursor, int limit, CancellationToken cancellationToken) =>
        GetPageAsync(MenuApiClient.WithQuery($"guests/{Uri.EscapeDataString(guestId)}/orders", limit, cursor, ("from", Day(from)), ("to", Day(to))), cancellationToken);

    /// <summary><c>GET /kitchen/queue</c>: the open orders of every guest, oldest first.</summary>
    public Task<OrdersPageResult> GetKitchenQueueAsync(string? cursor, int limit, CancellationToken cancellationToken) =>
        GetPageAsync(MenuApiClient.WithQuery("kitchen/queue", limit, cursor), cancellationToken);

    /// <summary>The order's ETag as the Api sends it: its version, quoted.</summary>
    public static string EtagOf(Order order) => $"\"{order.Version.ToString(CultureInfo.InvariantCulture)}\"";

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A request to the order's URL, sent as written, so the '%23' of the order id stays one path segment.</summary>
    private HttpRequestMessage OrderRequest(HttpMethod method, string guestId, string orderId, string suffix = "") =>
        ApiCall.ExactPath(http, method, $"guests/{Uri.EscapeDataString(guestId)}/orders/{OrderId.UrlSegment(orderId)}{suffix}");

    private Task<OrdersPageResult> GetPageAsync(string uri, CancellationToken cancellationToken) =>
        ApiCall.SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get, uri), async response => response.IsSuccessStatusCode
            ? new OrdersPageResult(await ApiCall.ReadJsonAsync<OrdersPage>(response, Service, cancellationToken))
            : new OrdersPageResult(null, await ApiProblem.ReadAsync(response, cancellationToken)),
            Service, cancellationToken);

    private Task<OrderResult> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken) =>
        ApiCall.SendAsync(http, createRequest, async response =>
        {
            if (response.IsSuccessStatusCode)
            {
                var order = await ApiCall.ReadJsonAsync<Order>(response, Service, cancellationToken);
                return new OrderResult(OrderOutcome.Success, order, response.Headers.ETag?.ToString() ?? EtagOf(order));
            }

            var problem = await ApiProblem.ReadAsync(response, cancellationToken);
            var current = problem.Extension<Order>("current");
            return response.StatusCode switch
            {
                HttpStatusCode.NotFound => new OrderResult(OrderOutcome.NotFound, Problem: problem),
                HttpStatusCode.PreconditionFailed => new OrderResult(OrderOutcome.Stale, current, Problem: problem),
                HttpStatusCode.Conflict when problem.Extension<List<RefusedOrderLine>>("lines") is { Count: > 0 } lines =>
                    new OrderResult(OrderOutcome.Refused, Problem: problem, RefusedLines: lines),
                HttpStatusCode.Conflict => new OrderResult(OrderOutcome.NotAllowed, current, Problem: problem),
                _ => new OrderResult(OrderOutcome.Rejected, Problem: problem),
            };
        }, Service, cancellationToken);
}
