using CafeMenu.Loader.Validation;

namespace CafeMenu.Loader.Reporting;

/// <summary>The outcome of one load: what the console summary and the JSON report say.</summary>
internal sealed record LoadSummary
{
    public required string Table { get; init; }
    public required string Mode { get; init; }
    public required IReadOnlyList<string> Files { get; init; }
    public required bool DryRun { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required double DurationSeconds { get; init; }
    public double WriteSeconds { get; init; }
    public bool TableCreated { get; init; }

    /// <summary>"loaded", "invalid-input", "dry-run", "failed-items", "cancelled".</summary>
    public required string Outcome { get; init; }
    public required int ExitCode { get; init; }
    public long Records { get; init; }
    public long Written { get; init; }
    public long Skipped { get; init; }
    public long Failed { get; init; }

    /// <summary>Earlier records of a key that a later one replaced (--on-duplicate last-wins); never sent.</summary>
    public long Superseded { get; init; }
    public long Retries { get; init; }
    public long Throttles { get; init; }
    public int PeakConcurrency { get; init; }
    public double ItemsPerSecond { get; init; }
    public long PeakWorkingSetBytes { get; init; }
    public long ValidationErrorCount { get; init; }
    public IReadOnlyList<ValidationError> ValidationErrors { get; init; } = [];

    public bool CountsAddUp => Written + Skipped + Failed + Superseded == Records;
}
