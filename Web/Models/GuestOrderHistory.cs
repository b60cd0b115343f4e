using CafeMenu.Menu;
using CafeMenu.Web.Client;

namespace CafeMenu.Web.Models;

/// <summary>A guest's own orders between two days (UTC, both inclusive), newest first, a page at a time through the Api's cursor.</summary>
internal sealed class GuestOrderHistory(OrdersApiClient api, string guestId)
{
    public const int PageSize = OrdersApiClient.DefaultPageSize;

    private readonly List<Order> _orders = [];
    private string? _cursor;

    /// <summary>The first day, as typed (null: no lower bound).</summary>
    public DateOnly? From { get; set; }

    /// <summary>The last day, as typed (null: up to now).</summary>
    public DateOnly? To { get; set; }

    public IReadOnlyList<Order> Orders => _orders;

    public bool HasMore => _cursor is not null;

    /// <summary>True once a search has answered (so "no orders" can be told apart from "not looked yet").</summary>
    public bool Searched { get; private set; }

    /// <summary>Why the range or the page was refused, in words (ours or the Api's).</summary>
    public string? Problem { get; private set; }

    public string? Unavailable { get; private set; }

    /// <summary>The last seven days up to today, the range the page starts with.</summary>
    public static GuestOrderHistory LastWeek(OrdersApiClient api, string guestId, DateOnly today) =>
        new(api, guestId) { From = today.AddDays(-6), To = today };

    /// <summary>Starts over with the range as it is now.</summary>
    public Task SearchAsync(CancellationToken cancellationToken)
    {
        _orders.Clear();
        _cursor = null;
        Searched = false;
        Problem = From is { } from && To is { } to && to < from ? "The last day comes before the first day: swap them or pick another range." : null;
        return Problem is null ? LoadPageAsync(cancellationToken) : Task.CompletedTask;
    }

    public Task LoadMoreAsync(CancellationToken cancellationToken) => HasMore ? LoadPageAsync(cancellationToken) : Task.CompletedTask;

    private async Task LoadPageAsync(CancellationToken cancellationToken)
    {
        Unavailable = null;
        try
        {
            var result = await api.ListGuestOrdersAsync(guestId, From, To, _cursor, PageSize, cancellationToken);
            if (result.Page is not { } page)
            {
                Problem = result.Problem?.Errors is { Count: > 0 } errors
                    ? string.Join(" ", errors.Values.SelectMany(m => m))
                    : result.Problem?.Message ?? "The café refused this range.";
                return;
            }

            _orders.AddRange(page.Items.Where(o => _orders.All(known => known.OrderId != o.OrderId)));
            _cursor = page.NextCursor;
            Searched = true;
        }
        catch (MenuApiUnavailableException ex)
        {
            Unavailable = ex.Message;
        }
    }
}
