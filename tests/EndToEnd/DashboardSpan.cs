using System.Net;
using System.Text.Json;

namespace CafeMenu.EndToEnd;

/// <summary>A span of the OTLP JSON the dashboard serves, with its resource's service name.</summary>
internal sealed record Span(string Service, string TraceId, string SpanId, string ParentSpanId, string Name, int Kind, Dictionary<string, string> Attributes)
{
    public string Attribute(string key) => Attributes.GetValueOrDefault(key, "");

    /// <summary>The span's parent, its parent, and so on up to the root.</summary>
    public static List<Span> Ancestors(List<Span> trace, Span span)
    {
        var chain = new List<Span>();
        for (var current = span; current.ParentSpanId.Length > 0;)
        {
            current = trace.Single(s => s.SpanId == current.ParentSpanId);
            chain.Add(current);
        }

        return chain;
    }

    /// <summary>
    /// Asks the dashboard for the web's recent traces every half second until one is <paramref name="complete"/> and every
    /// parent its spans name has arrived; fails after <paramref name="timeout"/> naming <paramref name="what"/> and the spans
    /// last seen.
    /// </summary>
    /// <remarks>
    /// Each service exports its spans in its own batches, so the dashboard can hold the Api's DynamoDB span before the Api's
    /// server span that is its parent: a trace is only judged once it is connected.
    /// </remarks>
    public static async Task<List<Span>> WaitForTraceAsync(HttpClient dashboard, Func<List<Span>, bool> complete, string what, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            using var response = await dashboard.GetAsync("/api/telemetry/traces?resource=web&limit=200", deadline.Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var spans = Parse(await response.Content.ReadAsStringAsync(deadline.Token));
            var trace = spans.GroupBy(s => s.TraceId).Select(t => t.ToList()).FirstOrDefault(t => complete(t) && IsConnected(t));
            if (trace is not null) return trace;

            try
            {
                await Task.Delay(500, deadline.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"No complete {what} trace within {timeout}; spans seen:\n{string.Join('\n', spans.Select(s => $"{s.Service} {s.Name}"))}");
            }
        }
    }

    private static bool IsConnected(List<Span> trace) =>
        trace.All(s => s.ParentSpanId.Length == 0 || trace.Any(parent => parent.SpanId == s.ParentSpanId));

    public static List<Span> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var spans = new List<Span>();
        if (!document.RootElement.TryGetProperty("data", out var data) || !data.TryGetProperty("resourceSpans", out var resources)) return spans;
        foreach (var resource in resources.EnumerateArray())
        {
            var service = AttributesOf(resource.GetProperty("resource")).GetValueOrDefault("service.name", "");
            foreach (var scope in resource.GetProperty("scopeSpans").EnumerateArray())
            {
                foreach (var span in scope.GetProperty("spans").EnumerateArray())
                {
                    spans.Add(new Span(service, Text(span, "traceId"), Text(span, "spanId"), Text(span, "parentSpanId"), Text(span, "name"),
                        span.TryGetProperty("kind", out var kind) && kind.ValueKind == JsonValueKind.Number ? kind.GetInt32() : 0, AttributesOf(span)));
                }
            }
        }

        return spans;
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : "";

    /// <summary>Attributes as text: scalars as themselves, arrays as their raw JSON.</summary>
    private static Dictionary<string, string> AttributesOf(JsonElement element)
    {
        var attributes = new Dictionary<string, string>();
        if (!element.TryGetProperty("attributes", out var list)) return attributes;
        foreach (var attribute in list.EnumerateArray())
        {
            var value = attribute.GetProperty("value");
            var property = value.EnumerateObject().FirstOrDefault();
            attributes[attribute.GetProperty("key").GetString() ?? ""] = property.Value.ValueKind == JsonValueKind.String
                ? property.Value.GetString() ?? ""
                : property.Value.GetRawText();
        }

        return attributes;
    }
}
