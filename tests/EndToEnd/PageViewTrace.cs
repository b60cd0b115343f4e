using System.Diagnostics;
using CafeMenu.Menu;
using Span = CafeMenu.EndToEnd.DashboardClient.Span;

namespace CafeMenu.EndToEnd;

/// <summary>
/// The trace of one view of the Web's menu page, as the dashboard received it over OTLP:
/// web server span → web HttpClient span → api server span → … → DynamoDB Query/Scan span.
/// </summary>
internal static class PageViewTrace
{
    private static readonly string[] DynamoDbReads = ["DynamoDB.Query", "DynamoDB.Scan"];

    /// <summary>Waits until the dashboard holds the complete chain of a page view of <c>/</c>; returns that trace's spans.</summary>
    public static async Task<List<Span>> WaitAsync(DashboardClient dashboard, TimeSpan timeout)
    {
        // Spans come in batches every second from each service; a trace is complete when its chain is.
        var clock = Stopwatch.StartNew();
        var seen = "";
        while (true)
        {
            var pageViews = new List<List<Span>>();
            foreach (var trace in await dashboard.GetTracesAsync(service: "web"))
            {
                var spans = await dashboard.GetSpansAsync(trace.TraceId);
                if (spans.Any(IsPageViewSpan)) pageViews.Add(spans);
            }

            seen = string.Join("\n\n", pageViews.Select(spans => string.Join('\n', spans)));
            if (pageViews.Count > 1) Assert.Fail($"One page view made {pageViews.Count} traces with a web server span for /:\n{seen}");
            if (pageViews.Count == 1 && DynamoDbChains(pageViews[0]).Any())
            {
                // Let the spans still in the services' export batches arrive, then read the whole trace.
                await Task.Delay(TimeSpan.FromSeconds(2.5));
                return await dashboard.GetSpansAsync(pageViews[0][0].TraceId);
            }

            if (clock.Elapsed > timeout) Assert.Fail($"No complete page-view trace (web → api → DynamoDB) within {timeout}; seen:\n{seen}");
            await Task.Delay(500);
        }
    }

    /// <summary>Every DynamoDB read of the trace hangs, through the api's server span and the web's HttpClient span, under the web's page request.</summary>
    public static void AssertParentToChild(List<Span> spans)
    {
        var text = string.Join('\n', spans);
        Assert.Single(spans, s => s.ParentSpanId.Length == 0 || spans.All(p => p.SpanId != s.ParentSpanId));
        var chains = DynamoDbChains(spans).ToList();
        Assert.True(chains.Count > 0, $"No DynamoDB Query or Scan under the page request:\n{text}");
        foreach (var chain in chains)
        {
            // chain[0] is the DynamoDB span, the last one the trace's root.
            var dynamo = chain[0];
            Assert.Equal("api", dynamo.Service);
            Assert.Equal("Client", dynamo.Kind);
            Assert.True(dynamo.Attributes.TryGetValue("aws.dynamodb.table_names", out var tables), $"{dynamo} has no aws.dynamodb.table_names:\n{text}");
            Assert.Equal([MenuTable.DefaultName], tables.Trim('[', ']').Split(", "));

            var apiServer = chain.FindIndex(s => s is { Service: "api", Kind: "Server" });
            var webClient = chain.FindIndex(s => s is { Service: "web", Kind: "Client" });
            var webServer = chain.FindIndex(IsPageViewSpan);
            var order = string.Join(" → ", Enumerable.Reverse(chain));
            Assert.True(apiServer > 0 && webClient > apiServer && webServer > webClient, $"Not web server → web client → api server → DynamoDB: {order}");
            // The page request is the trace's root, and the api's request is a direct child of the web's HttpClient call.
            Assert.Equal(chain.Count - 1, webServer);
            Assert.Equal(webClient - 1, apiServer);
        }
    }

    public static string DynamoDbSpanName(List<Span> spans) => DynamoDbChains(spans).First()[0].Name;

    private static bool IsPageViewSpan(Span s) =>
        s is { Service: "web", Kind: "Server" } && s.Attributes.GetValueOrDefault("url.path") == "/";

    /// <summary>For each DynamoDB read in the trace, the span and its ancestors up to a page-view span, when every link is there.</summary>
    private static IEnumerable<List<Span>> DynamoDbChains(List<Span> spans)
    {
        var byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        foreach (var dynamo in spans.Where(s => DynamoDbReads.Contains(s.Name)))
        {
            var chain = new List<Span> { dynamo };
            while (!IsPageViewSpan(chain[^1]) && byId.TryGetValue(chain[^1].ParentSpanId, out var parent)) chain.Add(parent);
            if (IsPageViewSpan(chain[^1])) yield return chain;
        }
    }
}
