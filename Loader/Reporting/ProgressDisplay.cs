using System.Globalization;
using CafeMenu.Loader.Writing;
using Spectre.Console;

namespace CafeMenu.Loader.Reporting;

internal enum ProgressStyle
{
    Auto,
    Plain,
    None,
}

/// <summary>Shows the write phase: a live Spectre.Console bar on a terminal, a plain line every few seconds when redirected, or nothing.</summary>
internal sealed class ProgressDisplay(IAnsiConsole console, ProgressStyle style, TimeProvider time)
{
    public bool IsLive => style == ProgressStyle.Auto && console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;

    /// <summary>--max-wcu: shown with the capacity consumed so far; null = no budget, nothing shown.</summary>
    public WriteBudget? Budget { get; init; }

    public TimeSpan PlainInterval { get; init; } = TimeSpan.FromSeconds(2);

    public async Task RunAsync(long total, LoadTally tally, AdaptiveConcurrency limiter, Func<Task> work)
    {
        var started = time.GetTimestamp();
        var run = work();
        if (style == ProgressStyle.None)
        {
            await run;
            return;
        }

        if (IsLive)
        {
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("writing", maxValue: Math.Max(1, total));
                    while (true)
                    {
                        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(200), time)) == run;
                        task.Value = tally.Done;
                        task.Description = Line(tally, limiter, started, total, plain: false);
                        if (finished) break;
                    }
                });
            await run;
            return;
        }

        while (await Task.WhenAny(run, Task.Delay(PlainInterval, time)) != run)
        {
            console.WriteLine(Line(tally, limiter, started, total, plain: true));
        }

        await run;
    }

    private string Line(LoadTally tally, AdaptiveConcurrency limiter, long started, long total, bool plain)
    {
        var seconds = Math.Max(0.001, time.GetElapsedTime(started).TotalSeconds);
        // Items an earlier run confirmed are counted done at once, not at the rate of this run's writes.
        var rate = (tally.Done - tally.AlreadyConfirmed) / seconds;
        LoaderTelemetry.ReportRate(rate);
        var c = CultureInfo.InvariantCulture;
        var text = $"{tally.Done.ToString("N0", c)}/{total.ToString("N0", c)} items, {rate.ToString("N0", c)} items/s, "
            + $"{tally.Retries.ToString("N0", c)} retries, concurrency {limiter.Limit}";
        if (Budget is { } budget)
        {
            text += $", {budget.Consumed.ToString("N0", c)} WCU at {(budget.Consumed / seconds).ToString("N0", c)} WCU/s (budget {budget.UnitsPerSecond.ToString("N0", c)})";
        }

        if (!plain) return Markup.Escape(text);
        var eta = rate > 0 ? TimeSpan.FromSeconds((total - tally.Done) / rate) : TimeSpan.Zero;
        return $"progress: {text}, eta {eta:mm\\:ss}";
    }
}
