using Microsoft.AspNetCore.Http.Features;

namespace CafeMenu.Api.Apis;

/// <summary>
/// Gives routing the item segment of <c>/menu/...</c> as the client sent it. Kestrel decodes the path before routing
/// (every escape but %2F) and removes dot segments, so from Request.Path "A%2FB" and "A%252FB" look the same, and a
/// product named ".." (sent as %2E%2E) vanishes. From the raw request target, <see cref="ItemName"/> decodes each name exactly once.
/// </summary>
internal static class RawItemPath
{
    private const string Prefix = "/menu/";

    /// <summary>Must run before routing.</summary>
    public static IApplicationBuilder UseRawItemPath(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        Restore(context);
        return next(context);
    });

    private static void Restore(HttpContext context)
    {
        if (context.Features.Get<IHttpRequestFeature>()?.RawTarget is not { } target || PathOf(target) is not { } raw) return;
        var path = RemoveDotSegments(raw);
        // Also when only Kestrel's decoded path leads under /menu/ (/x/%2E%2E/menu/A%252FB, /%6Denu/A%252FB): routing
        // then matches the raw path, as everywhere under /menu/, so no route value is ever a name decoded already.
        if (path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) ||
            context.Request.Path.StartsWithSegments("/menu", StringComparison.OrdinalIgnoreCase, out var rest) && rest.HasValue)
        {
            context.Request.Path = new PathString(path);
        }
    }

    /// <summary>
    /// The path of an origin-form target ("/menu/x?y") or of an absolute-form one ("http://host/menu/x", what a client
    /// sends through a proxy), still percent-encoded; null for the authority and asterisk forms.
    /// </summary>
    internal static string? PathOf(string target)
    {
        var start = 0;
        if (!target.StartsWith('/'))
        {
            var scheme = target.IndexOf("://", StringComparison.Ordinal);
            if (scheme < 0) return null;
            start = target.IndexOf('/', scheme + 3);
            if (start < 0) return "/";
        }

        var end = target.IndexOf('?', start);
        return end < 0 ? target[start..] : target[start..end];
    }

    /// <summary>
    /// RFC 3986's remove_dot_segments on the segments written "." or "..": "/menu/.." is "/", not the product "..".
    /// Encoded dots (%2E) are left alone; they are the address of the products "." and "..".
    /// </summary>
    internal static string RemoveDotSegments(string path)
    {
        if (!path.Contains("/.", StringComparison.Ordinal)) return path;
        var segments = path.Split('/');
        var output = new List<string>(segments.Length);
        for (var i = 1; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            switch (segments[i])
            {
                case ".":
                    if (last) output.Add("");
                    break;
                case "..":
                    if (output.Count > 0) output.RemoveAt(output.Count - 1);
                    if (last) output.Add("");
                    break;
                default:
                    output.Add(segments[i]);
                    break;
            }
        }

        return "/" + string.Join('/', output);
    }
}
