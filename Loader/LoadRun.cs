using System.Diagnostics;
using CafeMenu.Loader.Input;
using CafeMenu.Loader.Reporting;
using CafeMenu.Loader.Resume;
using CafeMenu.Loader.Validation;
using CafeMenu.Loader.Writing;

namespace CafeMenu.Loader;

/// <summary>What one <c>load</c> learned before writing, from which each of its endings builds the report's summary.</summary>
internal sealed record LoadRun(
    LoadOptions Options,
    TimeProvider Time,
    DateTimeOffset StartedAt,
    long Started,
    ResumePoint? Resume,
    IReadOnlyList<RecordSource> Sources,
    IReadOnlyList<InputIdentity>? Input,
    TableSchema Schema,
    bool TableCreated,
    ValidationOutcome Validation)
{
    public string ModeName => NameOf(Options.Mode);

    public string DuplicateName => NameOf(Options.OnDuplicate);

    public static string NameOf(WriteMode mode) => mode == WriteMode.Upsert ? "upsert" : "insert-only";

    public static string NameOf(DuplicatePolicy policy) => policy == DuplicatePolicy.LastWins ? "last-wins" : "fail";

    /// <summary>The summary of a run that ends as <paramref name="outcome"/>; <paramref name="tally"/> is null when nothing was written.</summary>
    public LoadSummary Summary(string outcome, int exitCode, LoadTally? tally = null, double writeSeconds = 0) => new()
    {
        Table = Options.Table,
        Mode = ModeName,
        OnDuplicate = DuplicateName,
        Input = Input,
        ResumedFrom = Resume?.Report,
        Files = Options.Files,
        DryRun = Options.DryRun,
        StartedAt = StartedAt,
        DurationSeconds = Time.GetElapsedTime(Started).TotalSeconds,
        WriteSeconds = writeSeconds,
        TableCreated = TableCreated,
        Outcome = outcome,
        ExitCode = exitCode,
        Records = Validation.Records,
        Written = tally?.Written ?? 0,
        Skipped = tally?.Skipped ?? 0,
        Failed = tally?.Failed ?? 0,
        AlreadyConfirmed = tally?.AlreadyConfirmed ?? 0,
        Superseded = tally is null ? 0 : Validation.Superseded,
        Retries = tally?.Retries ?? 0,
        Throttles = tally?.Throttles ?? 0,
        ItemsPerSecond = tally is null || writeSeconds <= 0 ? 0 : tally.WrittenPerSecond(Time.GetElapsedTime(Started)),
        PeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64,
        ValidationErrorCount = Validation.ErrorCount,
        ValidationErrors = Validation.Errors,
        MaxWcu = Options.MaxWcu,
    };
}
