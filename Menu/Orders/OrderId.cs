using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace CafeMenu.Menu;

/// <summary>
/// The sort key of an order: its UTC creation time, sortable to the millisecond (yyyy-MM-ddTHH:mm:ss.fffZ), "#" and 12
/// random hex digits. Text order is time order, so a date range is one BETWEEN and "newest first" is a descending Query;
/// the suffix keeps two orders of one guest in the same millisecond apart (a collision needs 2^24 orders in that millisecond
/// for even odds, and the Put's attribute_not_exists would refuse it rather than overwrite).
/// </summary>
public static partial class OrderId
{
    public const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
    private const int SuffixBytes = 6;

    public static string New(DateTimeOffset createdAt) =>
        $"{Timestamp(createdAt)}#{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SuffixBytes))}";

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static bool IsWellFormed(string? orderId) => orderId is not null && Shape().IsMatch(orderId)
        && DateTime.TryParseExact(orderId[..TimestampFormat.Length], TimestampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out _);

    /// <summary>The smallest sort key of an order created at or after <paramref name="from"/>.</summary>
    public static string LowerBound(DateTimeOffset from) => Timestamp(from);

    /// <summary>The largest sort key of an order created at or before <paramref name="to"/>: '~' sorts after every suffix digit.</summary>
    public static string UpperBound(DateTimeOffset to) => Timestamp(to) + "#~";

    /// <summary>The id as one path segment ('#' and ':' percent-encoded).</summary>
    public static string UrlSegment(string orderId) => Uri.EscapeDataString(orderId);

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}Z#[0-9a-f]{12}$")]
    private static partial Regex Shape();
}
