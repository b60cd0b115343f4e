namespace CafeMenu.Menu;

/// <summary>
/// An order's statuses and the steps between them: placed → preparing → ready → collected, and placed → cancelled.
/// Every status but placed has exactly one status it may be reached from, so a step is enforced in DynamoDB by one
/// condition (<c>status = predecessor</c>) without reading the order first.
/// </summary>
public static class OrderStatus
{
    public const string Placed = "placed";
    public const string Preparing = "preparing";
    public const string Ready = "ready";
    public const string Collected = "collected";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Placed, Preparing, Ready, Collected, Cancelled];

    public static bool IsKnown(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);

    /// <summary>Open orders are in the kitchen queue (they carry the key of the sparse queue_GSI).</summary>
    public static bool IsOpen(string status) => status is Placed or Preparing or Ready;

    /// <summary>The one status <paramref name="target"/> may be reached from; null for placed (only a new order is placed) and unknown statuses.</summary>
    public static string? PredecessorOf(string target) => target switch
    {
        Preparing => Placed,
        Ready => Preparing,
        Collected => Ready,
        Cancelled => Placed,
        _ => null,
    };

    public static bool CanMove(string from, string to) => PredecessorOf(to) == from;

    /// <summary>The statuses an order in <paramref name="from"/> may move to; empty for collected and cancelled.</summary>
    public static IReadOnlyList<string> NextSteps(string from) => All.Where(to => CanMove(from, to)).ToList();
}
