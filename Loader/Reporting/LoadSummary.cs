using System.Text.Json.Serialization;
using CafeMenu.Loader.Input;
using CafeMenu.Loader.Validation;

namespace CafeMenu.Loader.Reporting;

/// <summary>The outcome of one load: what the console summary and the JSON report say.</summary>
internal sealed record LoadSummary
{
    public required string Table { get; init; }
    public required string Mode { get; init; }
    public string? OnDuplicate { get; init; }
    public required IReadOnlyList<string> Files { get; init; }
    public required bool DryRun { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    public required double DurationSeconds { get; init; }
    public double WriteSeconds { get; init; }
    public bool TableCreated { get; init; }

    /// <summary>What <c>--resume</c> checks: each input file's size, modified time and SHA-256 (with <c>--report</c>).</summary>
    public IReadOnlyList<InputIdentity>? Input { get; init; }

    /// <summary>The report this run resumed (<c>--resume</c>), or null.</summary>
    public string? ResumedFrom { get; init; }

    /// <summary>"loaded", "invalid-input", "dry-run", "failed-items", "input-changed", "cancelled".</summary>
    public required string Outcome { get; init; }
    public required int ExitCode { get; init; }
    public long Records { get; init; }
    public long Written { get; init; }
    public long Skipped { get; init; }
    public long Failed { get; init; }

    /// <summary>Items the resumed run had confirmed: not sent again.</summary>
    public long AlreadyConfirmed { get; init; }

    /// <summary>Why the writing pass stopped early: the input changed after validation (its items not sent are failed).</summary>
    public string? InputChanged { get; init; }

    /// <summary>Earlier records of a key that a later one replaced (--on-duplicate last-wins); never sent.</summary>
    public long Superseded { get; init; }
    public long Retries { get; init; }
    public long Throttles { get; init; }
    public int PeakConcurrency { get; init; }
    public double ItemsPerSecond { get; init; }
    public long PeakWorkingSetBytes { get; init; }
    public long ValidationErrorCount { get; init; }
    public IReadOnlyList<ValidationError> ValidationErrors { get; init; } = [];

    /// <summary>--max-wcu; null (written as null, not left out) when the load had no budget.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? MaxWcu { get; init; }

    /// <summary>Write capacity units the load consumed by DynamoDB's answers (never below the pricing rules for the items
    /// written); null without a budget, when the Loader asks DynamoDB for no capacity figures.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? ConsumedWcu { get; init; }

    /// <summary><see cref="ConsumedWcu"/> per second of write time.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? ConsumedWcuPerSecond { get; init; }

    /// <summary>The units exactly as DynamoDB's answers reported them; below <see cref="ConsumedWcu"/> where an answer gave
    /// less than the pricing rules (DynamoDB Local's TransactWriteItems) or none (a cancelled transaction).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? ReportedWcu { get; init; }


    /// <summary>
    /// Per input file, the records DynamoDB confirmed (this run and those it resumed) as runs of 0-based record ordinals,
    /// <c>"0-79999 80025-80049"</c>: what <c>--resume</c> reads to send only the rest.
    /// </summary>
    public IReadOnlyList<string>? Confirmed { get; init; }

    public bool CountsAddUp => Written + Skipped + Failed + Superseded + AlreadyConfirmed == Records;
}
