namespace CafeMenu.Web;

/// <summary>The site's security headers, as the Api sends its own: no sniffing, no framing, a strict referrer, no Server header, and a CSP.</summary>
internal static class WebSecurityHeaders
{
    public static WebApplicationBuilder AddWebSecurityHeaders(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddSecurityHeaderPolicies(policies => policies.SetDefaultPolicy(headers => headers
            .AddDefaultSecurityHeaders()
            .RemoveServerHeader()
            .AddContentSecurityPolicy(csp =>
            {
                csp.AddDefaultSrc().Self();
                // Scripts from the site only; the one inline script, Blazor's import map, carries the request's nonce.
                csp.AddScriptSrc().Self().WithNonce();
                // Blazor sets style attributes (its reconnect dialog, QuickGrid's column widths).
                csp.AddStyleSrc().Self().UnsafeInline();
                csp.AddImgSrc().Self().Data();
                // The circuit's WebSocket to the same origin.
                csp.AddConnectSrc().Self();
                csp.AddFontSrc().Self();
                csp.AddObjectSrc().None();
                csp.AddBaseUri().Self();
                csp.AddFormAction().Self();
                csp.AddFrameAncestors().None();
            })));
        return builder;
    }
}
