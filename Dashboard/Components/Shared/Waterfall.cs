using CafeMenu.Dashboard.Telemetry;

namespace CafeMenu.Dashboard.Components.Shared;

/// <summary>A span placed on the trace's time line: depth in the tree, offset and width in percent of the trace.</summary>
internal sealed record WaterfallRow(SpanEntry Span, int Depth, double OffsetPercent, double WidthPercent);

internal static class Waterfall
{
    /// <summary>Spans in tree order (each parent followed by its children by start time), across every resource.</summary>
    public static IReadOnlyList<WaterfallRow> Layout(TraceEntry trace)
    {
        var start = trace.Start;
        var total = Math.Max(trace.Duration.TotalMilliseconds, 0.001);
        var ids = trace.Spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var children = trace.Spans
            .Where(s => s.ParentSpanId.Length > 0 && ids.Contains(s.ParentSpanId))
            .GroupBy(s => s.ParentSpanId)
            .ToDictionary(g => g.Key, g => g.OrderBy(s => s.Start).ToList(), StringComparer.Ordinal);
        var roots = trace.Spans.Where(s => s.ParentSpanId.Length == 0 || !ids.Contains(s.ParentSpanId)).OrderBy(s => s.Start);

        var rows = new List<WaterfallRow>(trace.Spans.Count);
        var stack = new Stack<(SpanEntry Span, int Depth)>(roots.Reverse().Select(s => (s, 0)));
        while (stack.Count > 0)
        {
            var (span, depth) = stack.Pop();
            var offset = (span.Start - start).TotalMilliseconds / total * 100;
            var width = Math.Max(span.Duration.TotalMilliseconds / total * 100, 0.3);
            rows.Add(new WaterfallRow(span, depth, offset, Math.Min(width, 100 - offset)));
            if (children.TryGetValue(span.SpanId, out var kids))
            {
                for (var i = kids.Count - 1; i >= 0; i--) stack.Push((kids[i], depth + 1));
            }
        }

        return rows;
    }
}
