using Microsoft.Extensions.Logging;

namespace CafeMenu.Loader.Reporting;

/// <summary>The load's outcome as a structured log record (to OpenTelemetry; the console shows the printed summary).</summary>
internal static partial class LoadLog
{
    [LoggerMessage(1, LogLevel.Information,
        "Loaded {Table} ({Mode}): {Records} records, {Written} written, {Skipped} skipped, {Failed} failed in {DurationSeconds:0.0} s ({Outcome})")]
    public static partial void Loaded(ILogger logger, string table, string mode, long records, long written, long skipped, long failed,
        double durationSeconds, string outcome);

    [LoggerMessage(2, LogLevel.Warning, "Input rejected: {Errors} error(s) in {Records} record(s); nothing was written to {Table}")]
    public static partial void Rejected(ILogger logger, string table, long errors, long records);

    public static void Write(ILogger logger, LoadSummary summary)
    {
        if (summary.Outcome == "invalid-input")
        {
            Rejected(logger, summary.Table, summary.ValidationErrorCount, summary.Records);
            return;
        }

        Loaded(logger, summary.Table, summary.Mode, summary.Records, summary.Written, summary.Skipped, summary.Failed, summary.DurationSeconds, summary.Outcome);
    }
}
