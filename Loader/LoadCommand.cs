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
        load?.SetTag("loader.mode", ModeName(options.Mode));
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();

        ResumePoint? resume = null;
        try
        {
            if (options.ResumePath is { } resumePath) resume = ResumePoint.Read(resumePath);
        }
        catch (ResumeRefusedException e)
        {
            return Usage(e.Message);
        }

        var sources = new List<RecordSource>();
        foreach (var file in options.Files)
        {
            if (!File.Exists(file)) return Usage($"input file not found: {file}");
            var format = options.Format ?? InputFormats.Infer(file);
            if (format is null) return Usage($"cannot tell the format of {file} from its extension; pass --format {string.Join("|", InputFormats.Names)}");
            sources.Add(new RecordSource(file, format.Value));
        }

        // What a later --resume checks the input against; taken before validation, which then reads these bytes.
        IReadOnlyList<InputIdentity>? input = null;
        if (options.ReportPath is not null)
        {
            try
            {
                input = sources.Select(s => InputIdentity.Of(s.Path)).ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Usage($"cannot read the input: {e.Message}");
            }
        }

        if (resume?.Mismatch(options.Table, ModeName(options.Mode), DuplicateName(options.OnDuplicate), input!) is { } mismatch)
        {
            return Usage($"--resume {resume.Report}: {mismatch}; nothing was written");
        }

        TableSchema schema;
        var created = false;
        using (LoaderTelemetry.Source.StartActivity("loader.prepare-table"))
        {
            var table = await TableSetup.DescribeOrNullAsync(dynamo, options.Table, cancellationToken);
            if (table is null && !options.CreateTable)
            {
                return Usage($"table {options.Table} does not exist; pass --create-table to create the café's menu table (--create-table --definition orders: the orders table)");
            }

            if (table is null && options.DryRun)
            {
                schema = TableSchema.From(TableDefinitions.Request(options.Definition, options.Table));
            }
            else
            {
                if (table is null) created = await TableDefinitions.EnsureAsync(dynamo, options.Definition, options.Table, time, cancellationToken);
                table ??= await TableSetup.DescribeOrNullAsync(dynamo, options.Table, cancellationToken);
                schema = TableSchema.From(table!);
            }
        }

        ValidationOutcome validation;
        using (var phase = LoaderTelemetry.Source.StartActivity("loader.validate"))
        {
            validation = await Task.Run(() => InputValidator.Validate(sources, schema, options.OnDuplicate, MaxErrorsKept, cancellationToken), cancellationToken);
            phase?.SetTag("loader.records", validation.Records);
            phase?.SetTag("loader.validation_errors", validation.ErrorCount);
        }

        LoadSummary Summary(string outcome, int exitCode, LoadTally? tally, double writeSeconds) => new()
        {
            Table = options.Table,
            Mode = ModeName(options.Mode),
            OnDuplicate = DuplicateName(options.OnDuplicate),
            Input = input,
            ResumedFrom = resume?.Report,
            Files = options.Files,
            DryRun = options.DryRun,
            StartedAt = startedAt,
            DurationSeconds = time.GetElapsedTime(started).TotalSeconds,
            WriteSeconds = writeSeconds,
            TableCreated = created,
            Outcome = outcome,
            ExitCode = exitCode,
            Records = validation.Records,
            Written = tally?.Written ?? 0,
            Skipped = tally?.Skipped ?? 0,
            Failed = tally?.Failed ?? 0,
            AlreadyConfirmed = tally?.AlreadyConfirmed ?? 0,
            Superseded = tally is null ? 0 : validation.Superseded,
            Retries = tally?.Retries ?? 0,
            Throttles = tally?.Throttles ?? 0,
            ItemsPerSecond = tally is null || writeSeconds <= 0 ? 0 : tally.WrittenPerSecond(time.GetElapsedTime(started)),
            PeakWorkingSetBytes = Process.GetCurrentProcess().PeakWorkingSet64,
            ValidationErrorCount = validation.ErrorCount,
            ValidationErrors = validation.Errors,
            MaxWcu = options.MaxWcu,
        };

        if (!validation.IsValid)
        {
            var rejected = Summary("invalid-input", ExitCodes.InvalidInput, null, 0);
            SummaryPrinter.PrintValidationErrors(console, rejected);
            LoadLog.Write(logger, rejected);
            WriteReport(options, rejected, null, cancellationToken);
            load?.SetStatus(ActivityStatusCode.Error, "invalid input");
            return ExitCodes.InvalidInput;
        }

        if (options.DryRun)
        {
            var dry = Summary("dry-run", ExitCodes.Success, null, 0);
            console.WriteLine($"Dry run: {validation.Records:N0} records valid ({validation.ItemsToWrite:N0} items to write, {validation.Superseded:N0} superseded duplicates); nothing was written to {options.Table}.");
            WriteReport(options, dry, null, cancellationToken);
            return ExitCodes.Success;
        }

        // With a report, every confirmed item is journalled beside it, so a killed load can be resumed.
        ConfirmedRecords? confirmed = null;
        ConfirmationJournal? journal = null;
        if (options.ReportPath is { } reportPath)
        {
            try
            {
                confirmed = resume?.Confirmed(validation.RecordsPerFile) ?? new ConfirmedRecords(validation.RecordsPerFile);
            }
            catch (ResumeRefusedException e)
            {
                return Usage(e.Message);
            }

            try
            {
                journal = ConfirmationJournal.Start(reportPath, new PriorRun
                {
                    Outcome = "running", Table = options.Table, Mode = ModeName(options.Mode), OnDuplicate = DuplicateName(options.OnDuplicate), Input = input,
                }, confirmed);
            }
            catch (Exception e) when (ReportWriter.IsWriteFailure(e))
            {
                return Usage($"--report {reportPath}: the journal beside it cannot be written: {e.Message}; nothing was written");
            }

            // The resumed report was read; only now, with its record in the new journal, may its first version replace it.
            if (resume is not null && ReportWriter.WriteFirstVersion(reportPath, startedAt) is { } reason)
            {
                journal.Dispose();
                return Usage($"--report {reportPath}: {reason}");
            }
        }

        using var journalOwner = journal;
        if (betweenPasses is not null) await betweenPasses();
        using var tally = new LoadTally(keepAll: options.ReportPath is not null, journal);
        var limiter = new AdaptiveConcurrency(options.Concurrency, InitialConcurrency, MaxConcurrency, time);
        var budget = options.MaxWcu is { } maxWcu ? new WriteBudget(maxWcu, time) : null;
        var progress = new ProgressDisplay(console, options.Progress, time) { Budget = budget, PlainInterval = options.ProgressInterval };
        var writeStarted = time.GetTimestamp();
        string? inputChanged = null;
        using (var phase = LoaderTelemetry.Source.StartActivity("loader.write"))
        {
            var heartbeat = new WriteHeartbeat(time, options.Retry.GiveUpAfter);
            var retry = WriteRetry.Create(options.Retry, tally, limiter, heartbeat, time);
            var writer = new ItemWriter(dynamo, options.Table, schema, options.Mode, retry, limiter, heartbeat, tally, time,
                options.Retry.SplitAfterServerErrors) { Budget = budget };
            var pipeline = new WritePipeline(writer, limiter, tally, schema, UnitLimits.For(options.Mode));

            await progress.RunAsync(validation.ItemsToWrite, tally, limiter,
                () => pipeline.RunAsync(sources, validation, resume is null ? null : confirmed, cancellationToken));
            inputChanged = pipeline.InputChanged;
            phase?.SetTag("loader.items.written", tally.Written);
            phase?.SetTag("loader.items.skipped", tally.Skipped);
            phase?.SetTag("loader.items.failed", tally.Failed);
        }

        var cancelled = cancellationToken.IsCancellationRequested;
        var exitCode = cancelled ? ExitCodes.Cancelled : tally.Failed > 0 || inputChanged is not null ? ExitCodes.Failed : ExitCodes.Success;
        var outcome = cancelled ? "cancelled" : inputChanged is not null ? "input-changed" : tally.Failed > 0 ? "failed-items" : "loaded";
        var summary = Summary(outcome, exitCode, tally, time.GetElapsedTime(writeStarted).TotalSeconds) with
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
            WriteReport(options, summary, tally, CancellationToken.None);
            journal?.Delete(); // the report now holds what it recorded
        }
        catch (Exception e) when (ReportWriter.IsWriteFailure(e))
        {
            // The load itself is over and summarised above; what is left of the record is the journal, for --resume.
            console.MarkupLineInterpolated($"[red]error[/] --report {options.ReportPath}: the final report cannot be written: {e.Message}{(journal is null ? "" : $"; {journal.Path} is kept for --resume")}");
            exitCode = exitCode == ExitCodes.Success ? ExitCodes.Failed : exitCode;
        }

        if (exitCode != ExitCodes.Success) load?.SetStatus(ActivityStatusCode.Error, summary.Outcome);
        return exitCode;

        int Usage(string message)
        {
            console.MarkupLineInterpolated($"[red]error[/] {message}");
            load?.SetStatus(ActivityStatusCode.Error, message);
            return ExitCodes.InvalidInput;
        }
    }

    private static void WriteReport(LoadOptions options, LoadSummary summary, LoadTally? tally, CancellationToken cancellationToken)
    {
        if (options.ReportPath is { } path) ReportWriter.Write(path, summary, tally, cancellationToken);
    }

    private static string ModeName(WriteMode mode) => mode == WriteMode.Upsert ? "upsert" : "insert-only";

    private static string DuplicateName(DuplicatePolicy policy) => policy == DuplicatePolicy.LastWins ? "last-wins" : "fail";
}
