using CafeMenu.Loader.Reporting;
using Microsoft.Extensions.Logging;

namespace CafeMenu.Loader.Tests;

/// <summary>A load's outcome reaches OpenTelemetry as one structured record, with its figures as attributes.</summary>
public sealed class LoadLogTests
{
    [Fact]
    public void A_finished_load_is_one_information_record_with_the_table_and_every_count()
    {
        var logger = new CapturingLogger();

        LoadLog.Write(logger, Summary("loaded") with { Records = 51, Written = 50, Skipped = 1, DurationSeconds = 1.25 });

        var (level, state) = Assert.Single(logger.Records);
        Assert.Equal(LogLevel.Information, level);
        Assert.Equal("FoodProducts", state["Table"]);
        Assert.Equal("insert-only", state["Mode"]);
        Assert.Equal((51L, 50L, 1L, 0L), (state["Records"], state["Written"], state["Skipped"], state["Failed"]));
        Assert.Equal("loaded", state["Outcome"]);
    }

    [Fact]
    public void Rejected_input_is_one_warning_record_with_the_error_count()
    {
        var logger = new CapturingLogger();

        LoadLog.Write(logger, Summary("invalid-input") with { Records = 7, ValidationErrorCount = 2 });

        var (level, state) = Assert.Single(logger.Records);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Equal((2L, 7L, "FoodProducts"), (state["Errors"], state["Records"], state["Table"]));
    }

    private static LoadSummary Summary(string outcome) => new()
    {
        Table = "FoodProducts", Mode = "insert-only", Files = ["menu.json"], DryRun = false, StartedAt = DateTimeOffset.UnixEpoch,
        DurationSeconds = 0, Outcome = outcome, ExitCode = 0,
    };

    private sealed class CapturingLogger : ILogger
    {
        public List<(LogLevel Level, Dictionary<string, object?> State)> Records { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Records.Add((logLevel, ((IEnumerable<KeyValuePair<string, object?>>)state!).ToDictionary(p => p.Key, p => p.Value)));
    }
}
