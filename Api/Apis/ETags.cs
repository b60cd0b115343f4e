using System.Globalization;
using CafeMenu.Api.Data;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CafeMenu.Api.Apis;

/// <summary>An item's ETag is its version as a strong entity tag: <c>"3"</c>.</summary>
internal static class ETags
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>
    /// Reads If-Match: <c>*</c> allows any existing item; otherwise the strong tags that hold a version. Weak or foreign tags
    /// can never match (RFC 9110 compares If-Match strongly), so they leave <see cref="VersionCondition.Versions"/> empty.
    /// </summary>
    /// <returns>false when the header is not a list of entity tags.</returns>
    public static bool TryParseIfMatch(StringValues header, out VersionCondition condition)
    {
        condition = VersionCondition.Any;
        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0) return false;
        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any))) return true;
        var versions = new List<long>();
        foreach (var tag in tags)
        {
            if (!tag.IsWeak && long.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                versions.Add(version);
            }
        }

        condition = new VersionCondition(false, versions);
        return true;
    }
}
