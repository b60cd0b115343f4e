using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CafeMenu.Api.Data;

/// <summary>
/// Fingerprints for idempotency. The Idempotency-Key is stored hashed with the guest (so two guests' keys never meet and the
/// client's text is never stored); the request hash tells a replay from a different order sent under the same key.
/// </summary>
internal static class OrderHashes
{
    /// <summary>DynamoDB's ClientRequestToken takes 1 to 36 characters.</summary>
    private const int TokenLength = 36;

    public static string IdempotencyKey(string guestId, string key) => Sha256($"{guestId}\n{key}");

    /// <summary>The transaction's ClientRequestToken for a key: the same key of the same guest gives the same token.</summary>
    public static string ClientRequestToken(string keyHash) => keyHash[..TokenLength];

    /// <summary>Prices are compared by value (3.5 and 3.50 are one request), as DynamoDB compares numbers.</summary>
    public static string Request(NewOrder order)
    {
        var text = new StringBuilder().Append(order.GuestId).Append('\n').Append(order.PickupName);
        foreach (var line in order.Lines)
        {
            text.Append('\n').Append(line.ProductName).Append('\t').Append(line.Quantity.ToString(CultureInfo.InvariantCulture))
                .Append('\t').Append((line.UnitPrice + 0.00m).ToString(CultureInfo.InvariantCulture));
        }

        return Sha256(text.ToString());
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
