using CafeMenu.Menu;
using CafeMenu.Web.Client;

namespace CafeMenu.Web.Models;

/// <summary>
/// The kitchen's open orders, oldest first, and the steps staff take on them. Every step is conditional on the version the
/// board shows (If-Match): when someone else moved the order first, the board says so in words and shows the order as it is.
/// The queue is a GSI and lags a step by a moment, so an order is never shown older than the newest version this board has seen.
/// </summary>
internal sealed class KitchenBoard(OrdersApiClient api)
{
    public const int PageSize = 50;

    /// <summary>No refresh reads more than this many pages, so one refresh is bounded however long the queue grows.</summary>
    public const int MaxPages = 4;

    public const int MaxMessages = 5;

    private readonly Dictionary<string, Order> _newest = new(StringComparer.Ordinal);
    private readonly HashSet<string> _busy = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BoardMessage> _notes = new(StringComparer.Ordinal);
    private readonly List<BoardMessage> _messages = [];
    private List<Order> _orders = [];

    /// <summary>The open orders, oldest first.</summary>
    public IReadOnlyList<Order> Orders => _orders;

    /// <summary>What happened to the latest steps, newest first (also for orders that left the board).</summary>
    public IReadOnlyList<BoardMessage> Messages => _messages;

    /// <summary>True when the queue holds more open orders than one refresh reads.</summary>
    public bool HasMore { get; private set; }

    public bool Loaded { get; private set; }

    public string? Problem { get; private set; }

    public string? Unavailable { get; private set; }

    public bool IsBusy(string orderId) => _busy.Contains(orderId);

    /// <summary>The last message about one order, shown on its card.</summary>
    public BoardMessage? NoteFor(string orderId) => _notes.GetValueOrDefault(orderId);

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            var read = new List<Order>();
            string? cursor = null;
            var pages = 0;
            do
            {
                var result = await api.GetKitchenQueueAsync(cursor, PageSize, cancellationToken);
                if (result.Page is not { } page)
                {
                    Problem = result.Problem?.Message ?? "The café refused to list the queue.";
                    return;
                }

                read.AddRange(page.Items);
                cursor = page.NextCursor;
            }
            while (cursor is not null && ++pages < MaxPages);

            HasMore = cursor is not null;
            Problem = null;
            Unavailable = null;
            Loaded = true;
            Show(read);
        }
        catch (MenuApiUnavailableException ex)
        {
            Unavailable = ex.Message;
        }
    }

    /// <summary>Moves <paramref name="order"/> to <paramref name="target"/> with the ETag of the version shown.</summary>
    public async Task AdvanceAsync(Order order, string target, CancellationToken cancellationToken)
    {
        if (!_busy.Add(order.OrderId)) return; // one step per order at a time: a double click sends one PATCH
        var who = Describe(order);
        try
        {
            var result = await api.ChangeStatusAsync(order.GuestId, order.OrderId, target, OrdersApiClient.EtagOf(order), cancellationToken);
            switch (result.Outcome)
            {
                case OrderOutcome.Success:
                    Note(order.OrderId, $"{who} is now {Label(result.Order!)}.", warning: false);
                    Adopt(result.Order!);
                    break;
                case OrderOutcome.Stale when result.Order is { } current:
                    Note(order.OrderId, $"{who} was moved by someone else first: it is now {Label(current)}. Nothing was changed; " +
                        (current.NextSteps.Count > 0 ? "choose the next step again." : "it has left the queue."), warning: true);
                    Adopt(current);
                    break;
                case OrderOutcome.NotAllowed when result.Order is { } current:
                    Note(order.OrderId, $"{who} cannot go to {OrderStatusText.Label(target).ToLowerInvariant()}: it is {Label(current)}. Nothing was changed.", warning: true);
                    Adopt(current);
                    break;
                case OrderOutcome.NotFound:
                    Note(order.OrderId, $"{who} no longer exists (it expired uncollected). Nothing was changed.", warning: true);
                    _newest.Remove(order.OrderId);
                    _orders.RemoveAll(o => o.OrderId == order.OrderId);
                    break;
                default:
                    Note(order.OrderId, $"{who}: {result.Problem?.Message ?? "the café refused the step."}", warning: true);
                    break;
            }
        }
        catch (MenuApiUnavailableException ex)
        {
            Note(order.OrderId, $"{who} was not moved: {ex.Message} Try again in a moment.", warning: true);
        }
        finally
        {
            _busy.Remove(order.OrderId);
        }
    }

    /// <summary>The queue as read, each order at the newest version this board knows; closed ones left out.</summary>
    private void Show(List<Order> read)
    {
        var ids = read.Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal);
        // Forget what the queue no longer lists: it caught up with every step this board made.
        foreach (var gone in _newest.Keys.Where(id => !ids.Contains(id)).ToList()) _newest.Remove(gone);
        foreach (var order in read)
        {
            if (!_newest.TryGetValue(order.OrderId, out var known) || known.Version < order.Version) _newest[order.OrderId] = order;
        }

        _orders = read.Select(o => _newest[o.OrderId]).Where(o => OrderStatus.IsOpen(o.Status)).ToList();
        foreach (var stale in _notes.Keys.Where(id => !ids.Contains(id)).ToList()) _notes.Remove(stale);
    }

    private void Adopt(Order current)
    {
        _newest[current.OrderId] = current;
        var index = _orders.FindIndex(o => o.OrderId == current.OrderId);
        if (!OrderStatus.IsOpen(current.Status)) _orders.RemoveAll(o => o.OrderId == current.OrderId);
        else if (index >= 0) _orders[index] = current;
    }

    private void Note(string orderId, string text, bool warning)
    {
        var message = new BoardMessage(orderId, text, warning);
        _notes[orderId] = message;
        _messages.Insert(0, message);
        if (_messages.Count > MaxMessages) _messages.RemoveAt(_messages.Count - 1);
    }

    private static string Describe(Order order) => $"The order for {order.PickupName} ({OrderStatusText.ShortId(order.OrderId)})";

    private static string Label(Order order) => OrderStatusText.Label(order.Status).ToLowerInvariant();
}

/// <summary>A line on the board about one order's step: what happened, and whether it went as the staff member meant.</summary>
public sealed record BoardMessage(string OrderId, string Text, bool IsWarning);
