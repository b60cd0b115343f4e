using CafeMenu.Menu;
using CafeMenu.Web.Client;

namespace CafeMenu.Web.Models;

/// <summary>
/// A guest's basket and placing it as one order. Each submission carries an Idempotency-Key that stays the same until the
/// basket changes, so a double click or a "try again" after a lost answer gives the same order, never a second one; any
/// change (or an answer that refused the order) makes the next submission a new request with a new key.
/// </summary>
public sealed class Basket
{
    private readonly OrdersApiClient _api;
    private readonly List<BasketLine> _lines = [];
    private string _pickupName = "";

    internal Basket(OrdersApiClient api) => _api = api;

    public IReadOnlyList<BasketLine> Lines => _lines;

    public string PickupName
    {
        get => _pickupName;
        set
        {
            if (value == _pickupName) return;
            _pickupName = value;
            PickupNameErrors = [];
            Changed();
        }
    }

    public decimal Total => _lines.Sum(l => l.LineTotal);

    public int ItemCount => _lines.Sum(l => l.Quantity);

    public bool IsEmpty => _lines.Count == 0;

    public bool IsPlacing { get; private set; }

    /// <summary>The key of the submission under way or last tried; null until the guest places, and again after every change.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>What is wrong with the pickup name (ours, or the Api's <c>pickup_name</c> errors).</summary>
    public IReadOnlyList<string> PickupNameErrors { get; private set; } = [];

    /// <summary>Messages about the whole order: the Api's refusal in words, field errors that belong to no input.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>Set when the Api could not be reached; placing again sends the same key, so it cannot order twice.</summary>
    public string? Unavailable { get; private set; }

    public bool HasRefusedLines => _lines.Any(l => l.IsRefused);

    public bool CanAdd(MenuItem item) => !item.IsOutOfStock && !IsPlacing
        && (Find(item.ProductName) is { } line ? line.Quantity < OrderRules.MaxQuantity : _lines.Count < OrderRules.MaxLines);

    public int QuantityOf(string productName) => Find(productName)?.Quantity ?? 0;

    /// <summary>Adds one of the item at the price the guest sees now (a product is one line: the Api refuses it twice).</summary>
    public void Add(MenuItem item)
    {
        if (!CanAdd(item)) return;
        if (Find(item.ProductName) is { } line)
        {
            line.Quantity++;
            line.UnitPrice = item.Price;
        }
        else
        {
            _lines.Add(new BasketLine(item.ProductName, item.Price));
        }

        Changed();
    }

    public void Increase(string productName)
    {
        if (Find(productName) is not { } line || line.Quantity >= OrderRules.MaxQuantity || IsPlacing) return;
        line.Quantity++;
        QuantityChanged(line);
    }

    /// <summary>One fewer; the last one removes the line.</summary>
    public void Decrease(string productName)
    {
        if (Find(productName) is not { } line || IsPlacing) return;
        if (line.Quantity <= OrderRules.MinQuantity)
        {
            Remove(productName);
            return;
        }

        line.Quantity--;
        QuantityChanged(line);
    }

    public void Remove(string productName)
    {
        if (IsPlacing) return;
        _lines.RemoveAll(l => l.ProductName == productName);
        Changed();
        if (!HasRefusedLines) Errors.Clear();
    }

    /// <summary>The guest agrees to the menu's new price of a refused line.</summary>
    public void AcceptNewPrice(string productName)
    {
        if (Find(productName) is not { NewPrice: { } price } line || IsPlacing) return;
        line.UnitPrice = price;
        ClearRefusal(line);
    }

    /// <summary>The guest takes the portions that are left of a refused line.</summary>
    public void TakePortionsLeft(string productName)
    {
        if (Find(productName) is not { PortionsLeft: { } left } line || IsPlacing) return;
        line.Quantity = Math.Min(left, OrderRules.MaxQuantity);
        ClearRefusal(line);
    }

    /// <summary>The same rules as the Api, checked before anything is sent; keyed like its ProblemDetails.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (CafeMenu.Menu.PickupName.Problems(_pickupName.Trim()).ToArray() is { Length: > 0 } name) errors["pickup_name"] = name;
        if (_lines.Count == 0) errors["lines"] = ["Add at least one item from the menu."];
        else if (_lines.Count > OrderRules.MaxLines) errors["lines"] = [$"An order holds at most {OrderRules.MaxLines} different items."];
        if (_lines.Any(l => l.NeedsDecision)) errors["lines"] = ["Decide on each marked item first: accept its new price, take what is left, or remove it."];
        return errors;
    }

    /// <summary>
    /// Places the basket. Returns the order once the Api has it (the basket is then empty); otherwise null, with the refused
    /// lines marked, <see cref="Errors"/> or <see cref="PickupNameErrors"/> filled, or <see cref="Unavailable"/> set.
    /// </summary>
    public async Task<Order?> PlaceAsync(string guestId, CancellationToken cancellationToken)
    {
        if (IsPlacing) return null; // a second click while the first is on its way
        Errors.Clear();
        Unavailable = null;
        var problems = Validate();
        if (problems.Count > 0)
        {
            Show(problems);
            return null;
        }

        IdempotencyKey ??= Guid.NewGuid().ToString();
        IsPlacing = true;
        try
        {
            var result = await _api.PlaceAsync(ToRequest(guestId), IdempotencyKey, cancellationToken);
            switch (result.Outcome)
            {
                case OrderOutcome.Success:
                    _lines.Clear();
                    Changed();
                    return result.Order;
                case OrderOutcome.Refused:
                    MarkRefused(result.RefusedLines!);
                    Errors.Add("Nothing was ordered: the menu changed since you added these items. See the marked lines below.");
                    break;
                default:
                    if (result.Problem?.Errors is { Count: > 0 } fieldErrors) Show(fieldErrors);
                    else Errors.Add(result.Problem?.Message ?? "The café refused the order.");
                    break;
            }

            // The Api answered and wrote nothing: the corrected basket is a new request with a new key.
            IdempotencyKey = null;
            return null;
        }
        catch (MenuApiUnavailableException ex)
        {
            // The order may or may not have been written: keep the key, so trying again cannot order twice.
            Unavailable = ex.Message;
            return null;
        }
        finally
        {
            IsPlacing = false;
        }
    }

    internal PlaceOrderRequest ToRequest(string guestId) => new()
    {
        GuestId = guestId,
        PickupName = _pickupName.Trim(),
        Lines = _lines.Select(l => new OrderLine { ProductName = l.ProductName, Quantity = l.Quantity, UnitPrice = l.UnitPrice }).ToList(),
    };

    private void MarkRefused(IReadOnlyList<RefusedOrderLine> refused)
    {
        foreach (var line in _lines) line.Refusal = null;
        foreach (var refusal in refused)
        {
            if (Find(refusal.ProductName) is { } line) line.Refusal = refusal;
        }
    }

    private void Show(IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var (field, messages) in errors)
        {
            if (field.TrimStart('$', '.') == "pickup_name") PickupNameErrors = messages;
            else Errors.AddRange(messages);
        }
    }

    /// <summary>A new quantity answers "fewer are left"; a changed price still needs the guest's word.</summary>
    private void QuantityChanged(BasketLine line)
    {
        if (line.Refusal?.Reason is RefusalReasons.NotEnoughStock) ClearRefusal(line);
        else Changed();
    }

    private void ClearRefusal(BasketLine line)
    {
        line.Refusal = null;
        Changed();
        if (!HasRefusedLines) Errors.Clear();
    }

    private void Changed() => IdempotencyKey = null;

    private BasketLine? Find(string productName) => _lines.Find(l => l.ProductName == productName);
}
