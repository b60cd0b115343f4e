using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace CafeMenu.EndToEnd;

/// <summary>
/// The AppHost's dashboard over plain HTTP, logged in with the token the console printed (the login sets a cookie):
/// reads its JSON API of resources and traces.
/// </summary>
internal sealed partial class DashboardClient : IDisposable
{
    private readonly HttpClient _http;

    private DashboardClient(string baseUrl, HttpClient http)
    {
        BaseUrl = baseUrl;
        _http = http;
    }

    public string BaseUrl { get; }

    /// <summary>http://127.0.0.1:&lt;port&gt;/login?t=&lt;token&gt; as printed by the AppHost.</summary>
    public static string LoginUrl(AppHostProcess host)
    {
        var match = LoginLine().Match(host.Output);
        Assert.True(match.Success, $"The AppHost printed no dashboard login URL:\n{host.Output}");
        return match.Groups["url"].Value;
    }

    public static string BaseUrlOf(string loginUrl) => new Uri(loginUrl).GetLeftPart(UriPartial.Authority);

    public static async Task<DashboardClient> LogInAsync(string loginUrl)
    {
        var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.GetAsync(loginUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new DashboardClient(BaseUrlOf(loginUrl), http);
    }

    public async Task<List<TraceSummary>> GetTracesAsync(string? service = null, string? name = null) =>
        await _http.GetFromJsonAsync<List<TraceSummary>>(
            $"{BaseUrl}/api/traces?service={Uri.EscapeDataString(service ?? "")}&name={Uri.EscapeDataString(name ?? "")}") ?? [];

    public async Task<List<Span>> GetSpansAsync(string traceId) =>
        await _http.GetFromJsonAsync<List<Span>>($"{BaseUrl}/api/traces/{traceId}") ?? [];

    public void Dispose() => _http.Dispose();

    [GeneratedRegex(@"\[apphost\] Dashboard: (?<url>http://127\.0\.0\.1:\d+/login\?t=[0-9a-f]+)")]
    private static partial Regex LoginLine();

    internal sealed record TraceSummary(string TraceId, string Name, DateTimeOffset Start, double DurationMs, int SpanCount, List<string> Resources);

    internal sealed record Span(
        string TraceId,
        string SpanId,
        string ParentSpanId,
        string Service,
        string Name,
        string Kind,
        DateTimeOffset Start,
        DateTimeOffset End,
        bool IsError,
        Dictionary<string, string> Attributes)
    {
        public override string ToString() => $"{Service} {Kind} {Name} ({SpanId} <- {ParentSpanId})";
    }
}
