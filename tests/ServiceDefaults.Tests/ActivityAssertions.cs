using System.Diagnostics;
using OpenTelemetry.Metrics;

namespace CafeMenu.ServiceDefaults.Tests;

internal static class ActivityAssertions
{
    public static Activity Single(this IReadOnlyList<Activity> spans, string displayName)
    {
        var matching = spans.Where(s => s.DisplayName == displayName).ToList();
        Assert.True(matching.Count == 1, $"expected one span '{displayName}', found {matching.Count} among: {Describe(spans)}");
        return matching[0];
    }

    public static object? Tag(this Activity span, string key) => span.TagObjects.FirstOrDefault(t => t.Key == key).Value;

    public static string[] StringArrayTag(this Activity span, string key) =>
        Assert.IsType<string[]>(span.Tag(key));

    public static string Describe(IEnumerable<Activity> spans) =>
        string.Join("; ", spans.Select(s => $"{s.Source.Name}/{s.DisplayName}/{s.Kind}"));

    /// <summary>The spans under <paramref name="root"/> as an indented tree with their tags, for test output.</summary>
    public static string Tree(IReadOnlyList<Activity> spans, Activity root)
    {
        var lines = new List<string>();
        void Walk(Activity span, int depth)
        {
            lines.Add($"{new string(' ', depth * 2)}{span.DisplayName} [{span.Kind}, {span.Source.Name}, {span.Status}, {span.Duration.TotalMilliseconds:F1} ms]");
            lines.AddRange(span.TagObjects.Select(t => $"{new string(' ', depth * 2 + 4)}{t.Key} = {Format(t.Value)}"));
            lines.AddRange(span.Events.Select(e => $"{new string(' ', depth * 2 + 4)}event {e.Name}"));
            foreach (var child in spans.Where(s => s.ParentSpanId == span.SpanId).OrderBy(s => s.StartTimeUtc)) Walk(child, depth + 1);
        }

        Walk(root, 0);
        return string.Join(Environment.NewLine, lines);
    }

    private static string? Format(object? value) => value is string[] array ? $"[{string.Join(", ", array)}]" : value?.ToString();

    public static object? Tag(this MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key) return tag.Value;
        }

        return null;
    }
}
