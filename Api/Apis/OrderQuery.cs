using System.Globalization;
using System.Text.RegularExpressions;
using CafeMenu.Api.Data;
using CafeMenu.Menu;

namespace CafeMenu.Api.Apis;

/// <summary>The query parameters and route values of the order reads, each refused in the Api's words (errors.&lt;name&gt;).</summary>
internal static partial class OrderQuery
{
    public const int DefaultLimit = 25;

    private static readonly DateTimeOffset Earliest = new(1, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(9999, 12, 31, 23, 59, 59, 999, TimeSpan.Zero);

    private static readonly string[] TimeFormats = ["yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

    public static void CheckGuest(string guestId, Dictionary<string, string[]> errors)
    {
        if (GuestId.Problems(guestId).ToArray() is { Length: > 0 } problems) errors["guest_id"] = problems;
    }

    public static void CheckOrderId(string orderId, Dictionary<string, string[]> errors)
    {
        if (!OrderId.IsWellFormed(orderId))
        {
            errors["order_id"] = [$"order_id must be an id this Api issued, such as 2026-11-23T15:37:55.294Z#0f3a9c21b4d7 (percent-encoded in the path: '#' as %23), got '{EchoedText.Shorten(orderId)}'."];
        }
    }

    public static int Limit(string? text, Dictionary<string, string[]> errors)
    {
        if (text is null) return DefaultLimit;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit is >= 1 and <= OrdersRepository.MaxPageSize) return limit;
        errors["limit"] = [$"limit must be a whole number from 1 to {OrdersRepository.MaxPageSize} (got '{EchoedText.Shorten(text)}')."];
        return DefaultLimit;
    }

    /// <summary>
    /// from and to as sort-key bounds. Each is a UTC day (2026-11-23: from its start, to its end) or a time with an explicit
    /// offset (2026-11-23T15:00:00Z, 2026-11-23T16:00:00+01:00); both ends are inclusive. Missing ends are open.
    /// </summary>
    public static (string Lower, string Upper) Range(string? from, string? to, Dictionary<string, string[]> errors)
    {
        var start = from is null ? Earliest : Time(from, endOfDay: false, "from", errors);
        var end = to is null ? Latest : Time(to, endOfDay: true, "to", errors);
        if (start is { } s && end is { } e && e < s)
        {
            errors["to"] = [$"to ({EchoedText.Shorten(to!)}) is before from ({EchoedText.Shorten(from!)}); give the earlier time as from."];
        }

        return (OrderId.LowerBound(start ?? Earliest), OrderId.UpperBound(end ?? Latest));
    }

    public static string? Status(string? status, Dictionary<string, string[]> errors)
    {
        if (status is null || OrderStatus.IsKnown(status)) return status;
        errors["status"] = [$"status must be one of {string.Join(", ", OrderStatus.All)} (got '{EchoedText.Shorten(status)}')."];
        return null;
    }

    public static Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>? Cursor(
        CursorProtector cursors, Listing listing, string? cursor, Dictionary<string, string[]> errors)
    {
        if (cursor is null) return null;
        var key = cursors.Unprotect(listing, cursor);
        if (key is null)
        {
            errors["cursor"] = ["cursor is not one this Api issued for this listing: pass next_cursor back unchanged, with the same guest, from, to and status, or leave it out to start over."];
        }

        return key;
    }

    private static DateTimeOffset? Time(string text, bool endOfDay, string name, Dictionary<string, string[]> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return !endOfDay ? start : day == DateOnly.MaxValue ? Latest : start.AddDays(1).AddMilliseconds(-1);
        }

        // A time without an offset would be read in the server's zone; it must say which instant it means.
        if (ExplicitOffset().IsMatch(text)
            && DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time.ToUniversalTime();
        }

        errors[name] = [$"{name} must be a date (2026-11-23) or a time with its offset (2026-11-23T15:00:00Z), got '{EchoedText.Shorten(text)}'."];
        return null;
    }


    [GeneratedRegex("(Z|[+-][0-9]{2}:[0-9]{2})$")]
    private static partial Regex ExplicitOffset();
}
