using System.Globalization;
using CafeMenu.Loader.Writing;
using Spectre.Console;

namespace CafeMenu.Loader.Reporting;

/// <summary>The end of a load on the console: one summary line always, a table on a terminal, and the first skipped and failed items.</summary>
internal static class SummaryPrinter
{
    public const int ErrorsShown = 20;

    public static void PrintValidationErrors(IAnsiConsole console, LoadSummary summary)
    {
        foreach (var error in summary.ValidationErrors.Take(ErrorsShown))
        {
            console.MarkupLineInterpolated($"[red]error[/] {error.ToString()}");
        }

        if (summary.ValidationErrorCount > ErrorsShown)
        {
            console.MarkupLineInterpolated($"[red]... and {summary.ValidationErrorCount - ErrorsShown:N0} more errors[/] (--report lists up to 1,000)");
        }

        console.WriteLine(
            $"Input rejected: {summary.ValidationErrorCount.ToString("N0", CultureInfo.InvariantCulture)} error(s) in {summary.Records.ToString("N0", CultureInfo.InvariantCulture)} record(s); nothing was written to {summary.Table}.");
    }

    public static void Print(IAnsiConsole console, LoadSummary summary, LoadTally tally, bool asTable)
    {
        foreach (var item in tally.FirstSkipped.Take(10))
        {
            console.MarkupLineInterpolated($"[grey]skipped[/] {item.File}:{item.Line} {item.Key} (already in the table)");
        }

        if (tally.Skipped > 10) console.MarkupLineInterpolated($"[grey]... and {tally.Skipped - 10:N0} more skipped[/]");
        foreach (var item in tally.FirstFailed)
        {
            console.MarkupLineInterpolated($"[red]failed[/] {item.File}:{item.Line} {item.Key}: {item.Reason ?? ""}");
        }

        if (tally.Failed > tally.FirstFailed.Count) console.MarkupLineInterpolated($"[red]... and {tally.Failed - tally.FirstFailed.Count:N0} more failed[/] (see --report)");
        if (summary.InputChanged is { } change) console.MarkupLineInterpolated($"[red]error[/] the input changed while it was being written: {change}");

        if (asTable)
        {
            var table = new Table().AddColumn("").AddColumn(new TableColumn("items").RightAligned());
            table.AddRow("records read", N(summary.Records));
            if (summary.ResumedFrom is not null) table.AddRow("confirmed by the earlier run", N(summary.AlreadyConfirmed));
            table.AddRow("[green]written[/]", N(summary.Written));
            table.AddRow("skipped (already there)", N(summary.Skipped));
            table.AddRow(summary.Failed > 0 ? "[red]failed[/]" : "failed", N(summary.Failed));
            if (summary.Superseded > 0) table.AddRow("superseded duplicates", N(summary.Superseded));
            table.AddRow("retries / throttles", $"{N(summary.Retries)} / {N(summary.Throttles)}");
            table.AddRow("items/s", summary.ItemsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
            if (Capacity(summary) is { } capacity) table.AddRow("write capacity", capacity);
            console.Write(table);
        }

        console.WriteLine(OneLine(summary));
    }

    public static string OneLine(LoadSummary s)
    {
        var what = s.Written == 0 && s.Failed == 0 && s.Skipped > 0 && s.Skipped + s.Superseded == s.Records
            ? $"all {N(s.Skipped)} items skipped (already in the table)"
            : $"{N(s.Written)} written, {N(s.Skipped)} skipped, {N(s.Failed)} failed"
              + (s.Superseded > 0 ? $", {N(s.Superseded)} superseded duplicates" : "");
        if (s.ResumedFrom is not null) what += $", {N(s.AlreadyConfirmed)} confirmed by the run resumed";
        var outcome = s.Failed > 0 || s.InputChanged is not null ? "Load incomplete" : "Loaded";
        return $"{outcome} {s.Table} ({s.Mode}): {N(s.Records)} records, {what} in {s.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s "
            + $"({s.ItemsPerSecond.ToString("N0", CultureInfo.InvariantCulture)} items/s, {N(s.Retries)} retries"
            + (Capacity(s) is { } capacity ? $"; {capacity}" : "") + ").";
    }

    /// <summary>With --max-wcu: the capacity consumed and its rate against the budget, e.g. "1,200 WCU, 498 WCU/s of a 500 WCU/s budget".</summary>
    private static string? Capacity(LoadSummary s) => s is { MaxWcu: { } budget, ConsumedWcu: { } consumed, ConsumedWcuPerSecond: { } rate }
        ? $"{consumed.ToString("N0", CultureInfo.InvariantCulture)} WCU, {rate.ToString("N0", CultureInfo.InvariantCulture)} WCU/s of a {N(budget)} WCU/s budget"
        : null;

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
