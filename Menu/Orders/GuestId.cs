namespace CafeMenu.Menu;

/// <summary>
/// The guest an order belongs to, the Orders table's partition key. This reference app has no sign-in: the Web gives each
/// browser a random guest id. The rule keeps it one plain URL segment: 1 to <see cref="MaxLength"/> ASCII letters, digits, '-' or '_'.
/// </summary>
public static class GuestId
{
    public const int MaxLength = 64;

    public static IEnumerable<string> Problems(string? guestId)
    {
        if (string.IsNullOrEmpty(guestId))
        {
            yield return "guest_id is required.";
            yield break;
        }

        if (guestId.Length > MaxLength) yield return $"guest_id must be at most {MaxLength} characters (got {guestId.Length:N0}).";
        if (!guestId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            yield return "guest_id may hold only ASCII letters, digits, '-' and '_'.";
    }

    public static bool IsValid(string? guestId) => !Problems(guestId).Any();
}
