using CafeMenu.Dashboard.Telemetry;

namespace CafeMenu.Dashboard.Components.Shared;

public sealed record ChartLine(string Label, IReadOnlyList<(DateTimeOffset Time, double Value)> Points);

/// <summary>
/// Turns stored points into chart lines: counters as rates per second, histograms as p50/p90/p99 per interval,
/// gauges and up-down counters as their values. Series matching the dimension filter are added together.
/// </summary>
internal static class MetricChartData
{
    public static IReadOnlyList<ChartLine> Lines(InstrumentKind kind, IEnumerable<SeriesSnapshot> series)
    {
        var list = series.ToList();
        return kind switch
        {
            InstrumentKind.Counter => [new ChartLine("rate /s", SumByTime(list.Select(s => Rates(s.Points))))],
            InstrumentKind.Histogram => HistogramLines(list),
            _ => [new ChartLine("value", SumByTime(list.Select(s => s.Points.Select(p => (p.Time, p.Value)).ToList())))],
        };
    }

    /// <summary>Only the series whose attributes have every chosen value.</summary>
    public static IEnumerable<SeriesSnapshot> Filter(IEnumerable<SeriesSnapshot> series, IReadOnlyDictionary<string, string> chosen) =>
        series.Where(s => chosen.All(c => c.Value.Length == 0 || s.Attributes.Any(a => a.Key == c.Key && a.Value == c.Value)));

    /// <summary>Each dimension with the values seen, for the filter drop-downs.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Dimensions(IEnumerable<SeriesSnapshot> series) =>
        series.SelectMany(s => s.Attributes)
            .GroupBy(a => a.Key)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => a.Value).Distinct().Order(StringComparer.Ordinal).ToList());

    public static List<(DateTimeOffset Time, double Value)> Rates(IReadOnlyList<MetricPoint> points)
    {
        var rates = new List<(DateTimeOffset, double)>();
        for (var i = 0; i < points.Count; i++)
        {
            var point = points[i];
            if (point.IsDelta)
            {
                var seconds = (point.Time - point.Start).TotalSeconds;
                if (seconds > 0) rates.Add((point.Time, point.Value / seconds));
                continue;
            }

            if (i == 0) continue;
            var previous = points[i - 1];
            var elapsed = (point.Time - previous.Time).TotalSeconds;
            var increase = point.Value - previous.Value;
            // A drop means the process restarted and the cumulative count began again.
            if (elapsed > 0 && increase >= 0) rates.Add((point.Time, increase / elapsed));
        }

        return rates;
    }

    private static IReadOnlyList<ChartLine> HistogramLines(List<SeriesSnapshot> series)
    {
        // Per interval, the bucket counts of that interval (delta), merged over the chosen series.
        var intervals = new SortedDictionary<DateTimeOffset, (IReadOnlyList<double> Bounds, ulong[] Counts)>();
        foreach (var s in series)
        {
            for (var i = 0; i < s.Points.Count; i++)
            {
                var point = s.Points[i];
                if (point.Bounds is null || point.BucketCounts is null) continue;
                var counts = point.BucketCounts.ToArray();
                if (!point.IsDelta)
                {
                    if (i == 0) continue;
                    var previous = s.Points[i - 1].BucketCounts;
                    if (previous is null || previous.Count != counts.Length || previous.Zip(counts).Any(p => p.Second < p.First)) continue;
                    for (var b = 0; b < counts.Length; b++) counts[b] -= previous[b];
                }

                var time = Bucket(point.Time);
                if (intervals.TryGetValue(time, out var existing) && existing.Counts.Length == counts.Length)
                {
                    for (var b = 0; b < counts.Length; b++) existing.Counts[b] += counts[b];
                }
                else
                {
                    intervals[time] = (point.Bounds, counts);
                }
            }
        }

        var lines = new List<ChartLine>();
        foreach (var (label, q) in new[] { ("p50", 0.50), ("p90", 0.90), ("p99", 0.99) })
        {
            lines.Add(new ChartLine(label, intervals
                .Where(i => i.Value.Counts.Any(c => c > 0))
                .Select(i => (i.Key, Percentile(i.Value.Bounds, i.Value.Counts, q)))
                .ToList()));
        }

        return lines;
    }

    /// <summary>The value under which a share q of the recorded values fall, interpolated within its bucket.</summary>
    public static double Percentile(IReadOnlyList<double> bounds, IReadOnlyList<ulong> counts, double q)
    {
        var total = counts.Aggregate(0UL, (a, c) => a + c);
        if (total == 0) return 0;
        var target = q * total;
        double seen = 0;
        for (var b = 0; b < counts.Count; b++)
        {
            if (counts[b] == 0) continue;
            if (seen + counts[b] >= target)
            {
                var lower = b == 0 ? 0 : bounds[b - 1];
                // The last bucket has no upper bound: report its lower bound.
                if (b >= bounds.Count) return lower;
                var upper = bounds[b];
                return lower + (upper - lower) * ((target - seen) / counts[b]);
            }

            seen += counts[b];
        }

        return bounds.Count > 0 ? bounds[^1] : 0;
    }

    private static List<(DateTimeOffset, double)> SumByTime(IEnumerable<List<(DateTimeOffset Time, double Value)>> lines) =>
        lines.SelectMany(l => l)
            .GroupBy(p => Bucket(p.Time))
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Sum(p => p.Value)))
            .ToList();

    /// <summary>Series exported together carry nearly the same time; a whole second lines them up.</summary>
    private static DateTimeOffset Bucket(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
}
