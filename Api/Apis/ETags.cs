using System.Globalization;
using CafeMenu.Api.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace CafeMenu.Api.Apis;

/// <summary>An item's ETag is its version as a strong entity tag: <c>"3"</c>.</summary>
internal static class ETags
{
    public static string For(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>DynamoDB's IN takes at most 100 operands; a client never holds more versions of one item worth comparing.</summary>
    public const int MaxVersions = 100;

    /// <summary>
    /// Reads If-Match: <c>*</c> allows any existing item; otherwise the strong tags that hold a version. Weak or foreign tags
    /// can never match (RFC 9110 compares If-Match strongly), so they leave <see cref="VersionCondition.Versions"/> empty.
    /// </summary>
    /// <returns>null, or the 400 saying why the header cannot be used: not a list of entity tags, or more than <see cref="MaxVersions"/> versions.</returns>
    public static ProblemHttpResult? ReadIfMatch(StringValues header, out VersionCondition condition) =>
        Parse(header, out condition) is { } malformed
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed If-Match", detail: malformed)
            : null;

    private static string? Parse(StringValues header, out VersionCondition condition)
    {
        condition = VersionCondition.Any;
        if (!EntityTagHeaderValue.TryParseStrictList(header, out var tags) || tags.Count == 0)
        {
            return "If-Match must be * or a list of quoted entity tags, such as \"3\", as returned in the ETag header.";
        }

        if (tags.Any(t => t.Equals(EntityTagHeaderValue.Any))) return null;
        var versions = new HashSet<long>();
        foreach (var tag in tags)
        {
            if (!tag.IsWeak && long.TryParse(tag.Tag.AsSpan(1, tag.Tag.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                versions.Add(version);
            }
        }

        if (versions.Count > MaxVersions)
        {
            return $"If-Match names {versions.Count} versions; send at most {MaxVersions} (the ETag you last read is enough).";
        }

        condition = new VersionCondition(false, [.. versions]);
        return null;
    }
}
