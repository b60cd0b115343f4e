using CafeMenu.Menu;
using CafeMenu.Web.Client;

namespace CafeMenu.Web.Models;

/// <summary>One of the guest's orders, read again on each refresh so its status change shows without reloading the page.</summary>
internal sealed class OrderTracker(OrdersApiClient api, string guestId, string orderId)
{
    public string OrderId => orderId;

    public Order? Order { get; private set; }

    public bool NotFound { get; private set; }

    /// <summary>Why the order could not be read (the Api's words), other than "not found".</summary>
    public string? Problem { get; private set; }

    /// <summary>Set while the Api cannot be reached; the last known order stays on screen and refreshing goes on.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>True once the status changed while the page was open (for a "just changed" highlight).</summary>
    public bool StatusJustChanged { get; private set; }

    /// <summary>Nothing more will happen to a collected or cancelled order (or one that is gone), so there is no need to keep asking.</summary>
    public bool IsSettled => NotFound || Problem is not null || Order is { } order && !OrderStatus.IsOpen(order.Status);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await api.GetAsync(guestId, orderId, cancellationToken);
            Unavailable = null;
            switch (result.Outcome)
            {
                case OrderOutcome.Success:
                    StatusJustChanged = Order is not null && Order.Status != result.Order!.Status;
                    Order = result.Order;
                    break;
                case OrderOutcome.NotFound:
                    NotFound = true;
                    break;
                default:
                    Problem = result.Problem?.Message ?? "The café could not read this order.";
                    break;
            }
        }
        catch (MenuApiUnavailableException ex)
        {
            Unavailable = ex.Message;
        }
    }
}
