using System.Security.Cryptography;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace CafeMenu.Api.Data;

/// <summary>
/// Turns a DynamoDB <c>LastEvaluatedKey</c> into an opaque cursor and back. The key is serialized as JSON and protected with
/// ASP.NET Core Data Protection (authenticated encryption), under a purpose that names the listing, so a cursor that was
/// altered, made up, issued by another key ring or issued for another listing (say, another group) is refused.
/// </summary>
internal sealed class CursorProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _root = provider.CreateProtector("CafeMenu.Api.Cursor.v1");

    public string Protect(Listing listing, IReadOnlyDictionary<string, AttributeValue> key)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(
            key.ToDictionary(k => k.Key, k => k.Value.N is not null ? new KeyPart(null, k.Value.N) : new KeyPart(k.Value.S, null)));
        return WebEncoders.Base64UrlEncode(listing.Protector(_root).Protect(json));
    }

    /// <returns>The key to resume from, or null when the cursor is not one this Api issued for <paramref name="listing"/>.</returns>
    public Dictionary<string, AttributeValue>? Unprotect(Listing listing, string cursor)
    {
        try
        {
            var bytes = listing.Protector(_root).Unprotect(WebEncoders.Base64UrlDecode(cursor));
            var parts = JsonSerializer.Deserialize<Dictionary<string, KeyPart>>(bytes);
            if (parts is null || !parts.Keys.Order().SequenceEqual(listing.KeyAttributes.Order()))
            {
                return null;
            }

            var key = new Dictionary<string, AttributeValue>();
            foreach (var (name, part) in parts)
            {
                if ((part.S is null) == (part.N is null)) return null;
                key[name] = part.S is not null ? new AttributeValue { S = part.S } : new AttributeValue { N = part.N };
            }

            return key;
        }
        catch (Exception e) when (e is FormatException or CryptographicException or JsonException)
        {
            return null;
        }
    }

    private sealed record KeyPart(string? S, string? N);
}

/// <summary>One paged listing: the purpose its cursors are bound to, and the key attributes its <c>LastEvaluatedKey</c> holds.</summary>
internal sealed record Listing(string Purpose, IReadOnlyList<string> KeyAttributes)
{
    public IDataProtector Protector(IDataProtector root) => root.CreateProtector(Purpose);
}
