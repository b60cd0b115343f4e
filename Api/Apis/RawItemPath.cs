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
        // Origin-form targets only ("/menu/..."); anything else (absolute-form through a proxy) keeps Kestrel's path.
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (raw is null || !raw.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return;
        var end = raw.IndexOf('?', StringComparison.Ordinal);
        context.Request.Path = new PathString(end < 0 ? raw : raw[..end]);
    }
}
