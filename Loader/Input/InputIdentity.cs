using System.Security.Cryptography;

namespace CafeMenu.Loader.Input;

/// <summary>
/// What a resumed load checks before trusting an earlier run's record of confirmed items: the same bytes (size and
/// SHA-256), with the modified time kept to explain a refusal.
/// </summary>
internal sealed record InputIdentity(string Path, long Size, DateTimeOffset Modified, string Sha256)
{
    public static InputIdentity Of(string path)
    {
        var info = new FileInfo(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new InputIdentity(info.FullName, info.Length, info.LastWriteTimeUtc, hash);
    }

    /// <summary>Why <paramref name="now"/> is not the input this identity was taken of, or null when it is.</summary>
    public string? Difference(InputIdentity now)
    {
        if (Size != now.Size) return $"{now.Path} is {now.Size:N0} bytes, the earlier run read {Size:N0}";
        if (Sha256 != now.Sha256)
        {
            var when = Modified == now.Modified ? "" : $" (modified {now.Modified:u}, the earlier run read it as of {Modified:u})";
            return $"{now.Path} has other content than the earlier run read{when}";
        }

        return null;
    }
}
