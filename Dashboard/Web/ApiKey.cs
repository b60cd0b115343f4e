using System.Security.Cryptography;
using System.Text;

namespace CafeMenu.Dashboard.Web;

internal static class ApiKey
{
    /// <summary>Compares secrets in constant time, so response timing tells nothing about the expected value.</summary>
    public static bool Matches(string? presented, string expected) =>
        !string.IsNullOrEmpty(presented)
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
