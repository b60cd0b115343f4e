using CafeMenu.Api.Data;
using CafeMenu.Menu;
using L = CafeMenu.Menu.OrdersTable.LineAttributes;

namespace CafeMenu.Api.Apis;

/// <summary>Checks a placing request as it will be stored; error keys are snake_case field paths (lines[2].product_name).</summary>
internal static class OrderValidation
{
    public const int MaxIdempotencyKeyLength = 255;

    /// <summary>The request as it will be stored: the pickup name trimmed first, so the limits apply to what is written.</summary>
    public static PlaceOrderRequest Trimmed(PlaceOrderRequest request) => request with { PickupName = request.PickupName.Trim() };

    public static Dictionary<string, string[]> Validate(PlaceOrderRequest request, List<DuplicateLineEntry> duplicates)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(string field, IEnumerable<string> messages)
        {
            var list = messages.ToArray();
            if (list.Length > 0) errors[field] = list;
        }

        Check("guest_id", GuestId.Problems(request.GuestId));
        Check("pickup_name", PickupName.Problems(request.PickupName));
        if (request.Lines.Count is 0 or > OrderRules.MaxLines)
        {
            errors["lines"] =
            [
                $"An order holds 1 to {OrderRules.MaxLines} lines (got {request.Lines.Count}): it is written in one transaction of at most " +
                $"{OrderRules.TransactWriteItemsLimit} actions, one for the order and one per line.",
            ];
            return errors;
        }

        for (var i = 0; i < request.Lines.Count; i++)
        {
            if (request.Lines[i] is not { } line) errors[$"lines[{i}]"] = [$"Line {i} is null; each line must be an object with product_name, quantity and unit_price."];
            // A name that breaks the name rule cannot be on the menu.
            else Check($"lines[{i}].{L.ProductName}", ProductName.Problems(line.ProductName));
        }

        duplicates.AddRange(Duplicates(request.Lines));
        foreach (var duplicate in duplicates)
        {
            var message = $"'{duplicate.ProductName}' is on lines {string.Join(", ", duplicate.Positions)}; order each product on one line with the total quantity.";
            foreach (var position in duplicate.Positions) errors[$"lines[{position}].{L.ProductName}"] = [message];
        }

        return errors;
    }

    /// <summary>The request for the data layer, once <see cref="Validate"/> found nothing.</summary>
    public static NewOrder ToNewOrder(PlaceOrderRequest request, string? idempotencyKey) =>
        new(request.GuestId, request.PickupName, request.Lines.Select(l => l!).ToList(), idempotencyKey);

    /// <returns>null when the header is absent or usable; otherwise why not.</returns>
    public static string? IdempotencyKeyProblem(string? key)
    {
        if (key is null) return null;
        if (key.Length is 0 or > MaxIdempotencyKeyLength || string.IsNullOrWhiteSpace(key) || key.Any(c => c is < ' ' or > '~'))
        {
            return $"Idempotency-Key must be 1 to {MaxIdempotencyKeyLength} visible ASCII characters (a UUID is a good key).";
        }

        return null;
    }

    /// <summary>Products are keys compared byte for byte by DynamoDB, so duplicates are found with ordinal comparison.</summary>
    private static IEnumerable<DuplicateLineEntry> Duplicates(IReadOnlyList<OrderLine?> lines) =>
        lines.Select((line, position) => (line?.ProductName, position))
            .Where(x => x.ProductName is not null)
            .GroupBy(x => x.ProductName!, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => new DuplicateLineEntry(g.Key, g.Select(x => x.position).ToList()));
}
