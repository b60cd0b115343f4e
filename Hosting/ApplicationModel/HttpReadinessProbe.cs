using System.Net;

namespace CafeMenu.Hosting;

/// <summary>Ready when GET on the health URL answers 200, as Aspire's WithHttpHealthCheck.</summary>
internal sealed class HttpReadinessProbe(Uri url) : IReadinessProbe
{
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(3) };

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _client.Dispose();
}
