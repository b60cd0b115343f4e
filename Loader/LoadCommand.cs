using System.Diagnostics;
using Amazon.DynamoDBv2;
using CafeMenu.Loader.Input;
using CafeMenu.Loader.Reporting;
using CafeMenu.Loader.Resume;
using CafeMenu.Loader.Validation;
using CafeMenu.Loader.Writing;
using CafeMenu.Menu;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace CafeMenu.Loader;

/// <summary>The <c>load</c> command: check the table, validate the whole input, then write it, and account for every item.</summary>
/// <param name="betweenPasses">Runs after validation, before writing: lets tests change the input there, as another process might.</param>
internal sealed class LoadCommand(IAmazonDynamoDB dynamo, IAnsiConsole console, TimeProvider time, ILogger logger, Func<Task>? betweenPasses = null)
{
    private const int MaxErrorsKept = 1000;
    private const int InitialConcurrency = 4;
    private const int MaxConcurrency = 64;

    public async Task<int> RunAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        using var load = LoaderTelemetry.Source.StartActivity("loader.load");
        load?.SetTag("db.collection.name", options.Table);
        load?.SetTag("loader.mode", LoadRun.NameOf(options.Mode));
        try
        {
            var run = await PrepareAsync(options, cancellationToken);
            if (!run.Validation.IsValid) return RefuseInvalidInput(run, load, cancellationToken);
            if (options.DryRun) return ReportDryRun(run, cancellationToken);

            var (confirmed, journal) = StartJournal(run);
            using var journalOwner = journal;
            if (betweenPasses is not null) await betweenPasses();
            using var tally = new LoadTally(keepAll: options.ReportPath is not null, journal);
            var (summary, progress) = await WriteAsync(run, tally, confirmed, cancellationToken);
            var exitCode = Conclude(run, summary, tally, progress, journal);
            if (exitCode != ExitCodes.Success) load?.SetStatus(ActivityStatusCode.Error, summary.Outcome);
            return exitCode;
        }
        catch (LoadRefusedException e)
        {
            console.MarkupLineInterpolated($"[red]error[/] {e.Message}");
            load?.SetStatus(ActivityStatusCode.Error, e.Message);
            return ExitCodes.InvalidInput;
        }
    }

    /// <summary>Everything before the first write: the resumed run, the input, the table and the whole validation pass.</summary>
    private async Task<LoadRun> PrepareAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var resume = ReadResumePoint(options);
        var sources = OpenSources(options);
        var input = IdentifyInput(options, sources);
        if (resume?.Mismatch(options.Table, LoadRun.NameOf(options.Mode), LoadRun.NameOf(options.OnDuplicate), input!) is { } mismatch)
        {
            throw new LoadRefusedException($"--resume {resume.Report}: {mismatch}; nothing was written");
        }

        var (schema, created) = await PrepareTableAsync(options, cancellationToken);
        var validation = await ValidateAsync(sources, schema, options, cancellationToken);
        return new LoadRun(options, time, startedAt, started, resume, sources, input, schema, created, validation);
    }

    private static ResumePoint? ReadResumePoint(LoadOptions options)
    {
        try
        {
            return options.ResumePath is { } resumePath ? ResumePoint.Read(resumePath) : null;
        }
        catch (ResumeRefusedException e)
        {
            throw new LoadRefusedException(e.Message);
        }
    }

    private static List<RecordSource> OpenSources(LoadOptions options) => options.Files.Select(file =>
    {
        if (!File.Exists(file)) throw new LoadRefusedException($"input file not found: {file}");
        var format = options.Format ?? InputFormats.Infer(file)
            ?? throw new LoadRefusedException($"cannot tell the format of {file} from its extension; pass --format {string.Join("|", InputFormats.Names)}");
        return new RecordSource(file, format);
    }).ToList();

    /// <summary>What a later --resume checks the input against; taken before validation, which then reads these bytes.</summary>
    private static IReadOnlyList<InputIdentity>? IdentifyInput(LoadOptions options, List<RecordSource> sources)
    {
        if (options.ReportPath is null) return null;
        try
        {
            return sources.Select(s => InputIdentity.Of(s.Path)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LoadRefusedException($"cannot read the input: {e.Message}");
        }
    }

    private async Task<(TableSchema Schema, bool Created)> PrepareTableAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        using var phase = LoaderTelemetry.Source.StartActivity("loader.prepare-table");
        var table = await TableSetup.DescribeOrNullAsync(dynamo, options.Table, cancellationToken);
        if (table is not null) return (TableSchema.From(table), false);
        if (!options.CreateTable)
        {
            throw new LoadRefusedException($"table {options.Table} does not exist; pass --create-table to create the café's menu table (--create-table --definition orders: the orders table)");
        }

        // A dry run creates nothing: it validates against the table the definition would create.
        if (options.DryRun) return (TableSchema.From(TableDefinitions.Request(options.Definition, options.Table)), false);
        var created = await TableDefinitions.EnsureAsync(dynamo, options.Definition, options.Table, time, cancellationToken);
        table = await TableSetup.DescribeOrNullAsync(dynamo, options.Table, cancellationToken);
        return (TableSchema.From(table!), created);
    }

    private static async Task<ValidationOutcome> ValidateAsync(List<RecordSource> sources, TableSchema schema, LoadOptions options, CancellationToken cancellationToken)
    {
        using var phase = LoaderTelemetry.Source.StartActivity("loader.validate");
        var validation = await Task.Run(() => InputValidator.Validate(sources, schema, options.OnDuplicate, MaxErrorsKept, cancellationToken,
            fingerprints: !options.DryRun), cancellationToken);
        phase?.SetTag("loader.records", validation.Records);
        phase?.SetTag("loader.validation_errors", validation.ErrorCount);
        return validation;
    }

    private int RefuseInvalidInput(LoadRun run, Activity? load, CancellationToken cancellationToken)
    {
        var rejected = run.Summary("invalid-input", ExitCodes.InvalidInput);
        SummaryPrinter.PrintValidationErrors(console, rejected);
        LoadLog.Write(logger, rejected);
        WriteReport(run.Options, rejected, null, cancellationToken);
        load?.SetStatus(ActivityStatusCode.Error, "invalid input");
        return ExitCodes.InvalidInput;
    }

    private int ReportDryRun(LoadRun run, CancellationToken cancellationToken)
    {
        var validation = run.Validation;
        console.WriteLine($"Dry run: {validation.Records:N0} records valid ({validation.ItemsToWrite:N0} items to write, {validation.Superseded:N0} superseded duplicates); nothing was written to {run.Options.Table}.");
        WriteReport(run.Options, run.Summary("dry-run", ExitCodes.Success), null, cancellationToken);
        return ExitCodes.Success;
    }

    /// <summary>With a report, every confirmed item is journalled beside it, so that a killed load can be resumed.</summary>
    private static (ConfirmedRecords? Confirmed, ConfirmationJournal? Journal) StartJournal(LoadRun run)
    {
        if (run.Options.ReportPath is not { } reportPath) return (null, null);
        ConfirmedRecords confirmed;
        try
        {
            confirmed = run.Resume?.Confirmed(run.Validation.RecordsPerFile) ?? new ConfirmedRecords(run.Validation.RecordsPerFile);
        }
        catch (ResumeRefusedException e)
        {
            throw new LoadRefusedException(e.Message);
        }

        ConfirmationJournal journal;
        try
        {
            journal = ConfirmationJournal.Start(reportPath, new PriorRun
            {
                Outcome = "running", Table = run.Options.Table, Mode = run.ModeName, OnDuplicate = run.DuplicateName, Input = run.Input,
            }, confirmed);
        }
        catch (Exception e) when (ReportWriter.IsWriteFailure(e))
        {
            throw new LoadRefusedException($"--report {reportPath}: the journal beside it cannot be written: {e.Message}; nothing was written");
        }

        // The resumed report was read; only now, with its record in the new journal, may its first version replace it.
        if (run.Resume is not null && ReportWriter.WriteFirstVersion(reportPath, run.StartedAt) is { } reason)
        {
            journal.Dispose();
            throw new LoadRefusedException($"--report {reportPath}: {reason}");
        }

        return (confirmed, journal);
    }

    /// <summary>The writing pass, with its progress display; returns the summary of how it ended.</summary>
    private async Task<(LoadSummary Summary, ProgressDisplay Progress)> WriteAsync(
        LoadRun run, LoadTally tally, ConfirmedRecords? confirmed, CancellationToken cancellationToken)
    {
        var options = run.Options;
        var limiter = new AdaptiveConcurrency(options.Concurrency, InitialConcurrency, MaxConcurrency, time);
        var budget = options.MaxWcu is { } maxWcu ? new WriteBudget(maxWcu, time) : null;
        var progress = new ProgressDisplay(console, options.Progress, time) { Budget = budget, PlainInterval = options.ProgressInterval };
        var writeStarted = time.GetTimestamp();
        string? inputChanged;
        using (var phase = LoaderTelemetry.Source.StartActivity("loader.write"))
        {
            var heartbeat = new WriteHeartbeat(time, options.Retry.GiveUpAfter);
            var retry = WriteRetry.Create(options.Retry, tally, limiter, heartbeat, time);
            var writer = new ItemWriter(dynamo, options.Table, run.Schema, options.Mode, retry, limiter, heartbeat, tally, time,
                options.Retry.SplitAfterServerErrors) { Budget = budget };
            var pipeline = new WritePipeline(writer, limiter, tally, run.Schema, UnitLimits.For(options.Mode));

            await progress.RunAsync(run.Validation.ItemsToWrite, tally, limiter,
                () => pipeline.RunAsync(run.Sources, run.Validation, run.Resume is null ? null : confirmed, cancellationToken));
            inputChanged = pipeline.InputChanged;
            phase?.SetTag("loader.items.written", tally.Written);
            phase?.SetTag("loader.items.skipped", tally.Skipped);
            phase?.SetTag("loader.items.failed", tally.Failed);
        }

        var cancelled = cancellationToken.IsCancellationRequested;
        var exitCode = cancelled ? ExitCodes.Cancelled : tally.Failed > 0 || inputChanged is not null ? ExitCodes.Failed : ExitCodes.Success;
        var outcome = cancelled ? "cancelled" : inputChanged is not null ? "input-changed" : tally.Failed > 0 ? "failed-items" : "loaded";
        var summary = run.Summary(outcome, exitCode, tally, time.GetElapsedTime(writeStarted).TotalSeconds) with
        {
            PeakConcurrency = limiter.Peak,
            InputChanged = inputChanged,
            Confirmed = confirmed is null ? null : Enumerable.Range(0, confirmed.FileCount).Select(confirmed.Runs).ToList(),
        };
        if (budget is not null)
        {
            summary = summary with
            {
                ConsumedWcu = budget.Consumed,
                ConsumedWcuPerSecond = summary.WriteSeconds > 0 ? budget.Consumed / summary.WriteSeconds : 0,
                ReportedWcu = budget.Reported,
            };
        }

        return (summary, progress);
    }

    /// <summary>Prints and logs the summary and writes the final report; returns the exit code.</summary>
    private int Conclude(LoadRun run, LoadSummary summary, LoadTally tally, ProgressDisplay progress, ConfirmationJournal? journal)
    {
        var exitCode = summary.ExitCode;
        if (!summary.CountsAddUp)
        {
            // Cannot happen by construction; if it ever does, say so loudly rather than report a load that lost track of items.
            console.MarkupLine("[red]internal error: the item counts do not add up[/]");
            exitCode = ExitCodes.Failed;
        }

        SummaryPrinter.Print(console, summary, tally, asTable: progress.IsLive);
        LoadLog.Write(logger, summary);
        if (journal?.Failure is { } journalFailure)
        {
            console.MarkupLineInterpolated($"[yellow]warning[/] {journal.Path} stopped recording confirmed items during the load: {journalFailure}");
        }

        try
        {
            WriteReport(run.Options, summary, tally, CancellationToken.None);
            journal?.Delete(); // the report now holds what it recorded
        }
        catch (Exception e) when (ReportWriter.IsWriteFailure(e))
        {
            // The load itself is over and summarised above; what is left of the record is the journal, for --resume.
            console.MarkupLineInterpolated($"[red]error[/] --report {run.Options.ReportPath}: the final report cannot be written: {e.Message}{(journal is null ? "" : $"; {journal.Path} is kept for --resume")}");
            exitCode = exitCode == ExitCodes.Success ? ExitCodes.Failed : exitCode;
        }

        return exitCode;
    }

    private static void WriteReport(LoadOptions options, LoadSummary summary, LoadTally? tally, CancellationToken cancellationToken)
    {
        if (options.ReportPath is { } path) ReportWriter.Write(path, summary, tally, cancellationToken);
    }

    /// <summary>A refusal before anything is written: one line on the console and exit 2.</summary>
    private sealed class LoadRefusedException(string message) : Exception(message);
}
