namespace CafeMenu.Web.Client;

/// <summary>
/// Sends a request's path exactly as the Api's clients wrote it (<see cref="ApiCall.ExactPath"/>). Service discovery rebuilds the request URI
/// with the resolved host through UriBuilder, which unescapes %2E and removes dot segments: "/menu/%2E" (the product
/// ".") went out as "/menu/", the listing. Registered last, next to the socket, so it sees the resolved URI.
/// </summary>
internal sealed class ExactPathHandler : DelegatingHandler
{
    /// <summary>The path and query to send, set by <see cref="ApiCall.ExactPath"/> on requests whose path must not be canonicalised.</summary>
    public static readonly HttpRequestOptionsKey<string> PathAndQuery = new("CafeMenu.ExactPathAndQuery");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(PathAndQuery, out var path) && request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            request.RequestUri = new Uri(uri.GetLeftPart(UriPartial.Authority) + path,
                new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        }

        return base.SendAsync(request, cancellationToken);
    }
}
