using System.Security.Cryptography;
using System.Text;

namespace CafeMenu.Loader.Writing;

/// <summary>
/// ClientRequestTokens for TransactWriteItems: the same set of items gets the same token for as long as it is retried, a
/// different set (or another load of the same file, within DynamoDB's 10-minute idempotency window) a different one.
/// </summary>
internal sealed class TransactionTokens
{
    private readonly byte[] _load = Guid.NewGuid().ToByteArray();

    public string For(IReadOnlyList<PendingItem> items)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(_load);
        foreach (var item in items)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(item.CanonicalKey));
            hash.AppendData([0]);
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..36]; // DynamoDB allows at most 36 characters
    }
}
