using System.Text;
using CafeMenu.Dashboard.Components.Shared;
using CafeMenu.Dashboard.Telemetry;
using CafeMenu.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CafeMenu.Dashboard.Web;

/// <summary>
/// The dashboard's small HTTP API (behind the login like the pages): resources and traces as JSON, console output as a file.
/// Read-only; it lets scripts and end-to-end tests check what the pages show.
/// </summary>
internal static class DashboardApi
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/resources", (IResourceService resources) => TypedResults.Ok(resources.GetResources().Select(r => r with
        {
            Environment = r.Environment.ToDictionary(e => e.Key, e => SecretMask.Show(e.Key, e.Value)),
        })));
        app.MapGet("/api/console/{resource}", (string resource, TelemetryStore store) =>
        {
            var text = new StringBuilder();
            foreach (var line in store.GetConsoleLines(resource))
            {
                text.Append(line.Timestamp.ToString("O")).Append(line.IsStdErr ? " stderr " : " stdout ").AppendLine(line.Text);
            }

            return TypedResults.File(Encoding.UTF8.GetBytes(text.ToString()), "text/plain; charset=utf-8", $"{resource}-console.txt");
        });
        // The same filter as the Traces page: a resource that has a span in the trace, a part of any span's name.
        app.MapGet("/api/traces", (string? service, string? name, TelemetryStore store) => TypedResults.Ok(store.GetTraces()
            .Where(new TraceFilter(service, name, MinDurationMs: null, ErrorsOnly: false).Matches)
            .Take(Components.Pages.Traces.MaxRows)
            .Select(t => new TraceSummaryJson(t.TraceId, t.Name, t.Start, t.Duration.TotalMilliseconds, t.Spans.Count, t.Resources))));
        app.MapGet("/api/traces/{traceId}", Results<Ok<IEnumerable<SpanJson>>, NotFound> (string traceId, TelemetryStore store) =>
            store.GetTrace(traceId) is { } trace
                ? TypedResults.Ok(trace.Spans.OrderBy(s => s.Start).Select(SpanJson.From))
                : TypedResults.NotFound());
    }

    internal sealed record TraceSummaryJson(string TraceId, string Name, DateTimeOffset Start, double DurationMs, int SpanCount, IReadOnlyList<string> Resources);

    internal sealed record SpanJson(
        string TraceId,
        string SpanId,
        string ParentSpanId,
        string Service,
        string Name,
        string Kind,
        DateTimeOffset Start,
        DateTimeOffset End,
        bool IsError,
        IReadOnlyDictionary<string, string> Attributes)
    {
        public static SpanJson From(SpanEntry s) => new(
            s.TraceId, s.SpanId, s.ParentSpanId, s.Resource, s.Name, s.Kind.ToString(), s.Start, s.End, s.IsError,
            s.Attributes.GroupBy(a => a.Key).ToDictionary(g => g.Key, g => g.Last().Value));
    }
}
