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

    public static object? Tag(this MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key) return tag.Value;
        }

        return null;
    }
}
