using System.CommandLine;
using System.CommandLine.Invocation;
using CafeMenu.Loader.Input;
using CafeMenu.Loader.Reporting;
using CafeMenu.Loader.Validation;
using CafeMenu.Loader.Writing;

namespace CafeMenu.Loader.Cli;

/// <summary>The command line (System.CommandLine): <c>load</c> and <c>export</c>, their options, help text and examples.</summary>
internal static class LoaderCommandLine
{
    public static RootCommand Build(Func<LoadOptions, CancellationToken, Task<int>> load, Func<string, string, CancellationToken, Task<int>> export)
    {
        var root = new RootCommand("""
            CafeMenu Loader: bulk-loads DynamoDB fast and without losing an item. The whole input is validated before the first
            write; every item ends written, skipped or failed (with its key and reason in the report).
            Endpoint, region and credentials come from the usual AWS settings (AWS_ENDPOINT_URL_DYNAMODB, AWS_REGION, profiles).

            Examples:
              dotnet run --project Loader -- load data/menu.json --table FoodProducts --mode insert-only --create-table
              dotnet run --project Loader -- load data/orders.json --table Orders --mode insert-only --create-table --definition orders
              dotnet run --project Loader -- load items.ndjson more.csv --table Orders --concurrency 16 --report load.json
              dotnet run --project Loader -- load items.ndjson more.csv --table Orders --resume load.json
              dotnet run --project Loader -- load items.ndjson --table Orders --max-wcu 500
              dotnet run --project Loader -- export --table FoodProducts --out backup.ndjson
            """);
        root.Subcommands.Add(BuildLoad(load));
        root.Subcommands.Add(BuildExport(export));
        return root;
    }

    private static Command BuildLoad(Func<LoadOptions, CancellationToken, Task<int>> load)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Input files: a JSON array (.json), NDJSON (.ndjson, .jsonl), CSV with a header row (.csv), or DynamoDB JSON (.ddb.json, or a file from export).",
            Arity = ArgumentArity.OneOrMore,
        };
        var table = new Option<string>("--table") { Description = "Table to load.", DefaultValueFactory = _ => Menu.MenuTable.DefaultName };
        table.Validators.Add(CheckTableName);
        var format = new Option<string?>("--format") { Description = "Input format; inferred from each file's extension when not given." };
        format.AcceptOnlyFromAmong(InputFormats.Names);
        var mode = new Option<string>("--mode")
        {
            Description = "upsert: BatchWriteItem, replaces items with the same key. insert-only: TransactWriteItems of conditional puts, existing items are never replaced but skipped and listed.",
            DefaultValueFactory = _ => "upsert",
        };
        mode.AcceptOnlyFromAmong("upsert", "insert-only");
        var onDuplicate = new Option<string>("--on-duplicate")
        {
            Description = "Two records with one key: fail (reject the input, nothing written) or last-wins (the later record is written).",
            DefaultValueFactory = _ => "fail",
        };
        onDuplicate.AcceptOnlyFromAmong("fail", "last-wins");
        var createTable = new Option<bool>("--create-table") { Description = "Create the table when it does not exist, as --definition says." };
        var definition = new Option<string>("--definition")
        {
            Description = "The table --create-table creates: menu (key product_name, index special_GSI) or orders (key guest_id + order_id, indexes queue_GSI and status_LSI, TTL on expires_at).",
            DefaultValueFactory = _ => "menu",
        };
        definition.AcceptOnlyFromAmong(TableDefinitions.Names);
        var concurrency = new Option<string>("--concurrency")
        {
            Description = "Requests in flight: auto adapts (down on throttling, up while latency stays flat), or a fixed number 1-256.",
            DefaultValueFactory = _ => "auto",
        };
        concurrency.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value != "auto" && !(int.TryParse(value, out var n) && n is >= 1 and <= 256))
            {
                result.AddError($"--concurrency must be auto or a number from 1 to 256, not '{value}'.");
            }
        });
        var maxWcu = new Option<string?>("--max-wcu")
        {
            HelpName = "N",
            Description = "Keep the write capacity the load consumes at N units per second, by the ConsumedCapacity DynamoDB reports "
                + "(1 unit per started KB of an item; 2 in insert-only's transactions). Applies together with --concurrency: "
                + "a request is sent once it has both a free slot and the budget, so the lower limit binds. Unlimited when not given.",
        };
        maxWcu.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && PositiveWholeNumber(value) is null)
            {
                result.AddError($"--max-wcu must be a whole number of write capacity units per second, 1 or more, not '{value}'.");
            }
        });
        var progressInterval = new Option<string?>("--progress-interval")
        {
            HelpName = "seconds",
            Description = "Seconds between plain progress lines (default 2).",
        };
        progressInterval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && PositiveWholeNumber(value) is not (>= 1 and <= 3600))
            {
                result.AddError($"--progress-interval must be a whole number of seconds from 1 to 3600, not '{value}'.");
            }
        });
        var dryRun = new Option<bool>("--dry-run") { Description = "Validate everything and write nothing." };
        var report = new Option<string?>("--report")
        {
            Description = "Write the summary, skipped and failed items as JSON to this file, and keep REPORT.journal beside it while writing, so a load that is stopped or killed can be resumed.",
        };
        var resume = new Option<string?>("--resume")
        {
            Description = "Continue an unfinished load from its report (also after a kill): the input, --table, --mode and --on-duplicate must be the earlier run's; only what it did not confirm is written. The report is rewritten in place unless --report names another file.",
        };
        // Checked by writing a first version of the report before anything else: a load must not end with its items
        // written and its report lost. A report that is also the one to resume is read first (by the load itself).
        report.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } path && !SamePath(path, result.GetValue(resume))
                && Reporting.ReportWriter.WriteFirstVersion(path, DateTimeOffset.UtcNow) is { } reason)
            {
                result.AddError($"--report {path}: {reason}");
            }
        });
        var progress = new Option<string>("--progress")
        {
            Description = "auto: a live bar on a terminal, plain lines when redirected; plain; none.",
            DefaultValueFactory = _ => "auto",
        };
        progress.AcceptOnlyFromAmong("auto", "plain", "none");

        var command = new Command("load", "Validate input files, then write them to a DynamoDB table.")
        {
            files, table, format, mode, onDuplicate, createTable, definition, concurrency, dryRun, report, resume, progress,
        };
        command.Options.Add(maxWcu);
        command.Options.Add(progressInterval);
        command.Validators.Add(result =>
        {
            if (result.GetValue(resume) is not null && result.GetValue(dryRun)) result.AddError("--resume and --dry-run cannot be combined: a dry run writes no report to resume from.");
        });
        command.SetAction((result, cancellationToken) =>
        {
            var concurrencyText = result.GetValue(concurrency)!;
            var options = new LoadOptions
            {
                Files = result.GetValue(files)!,
                Table = result.GetValue(table)!,
                Format = result.GetValue(format) is { } f ? InputFormats.Parse(f) : null,
                Mode = result.GetValue(mode) == "insert-only" ? WriteMode.InsertOnly : WriteMode.Upsert,
                OnDuplicate = result.GetValue(onDuplicate) == "last-wins" ? DuplicatePolicy.LastWins : DuplicatePolicy.Fail,
                CreateTable = result.GetValue(createTable),
                Definition = TableDefinitions.Parse(result.GetValue(definition)!),
                Concurrency = concurrencyText == "auto" ? null : int.Parse(concurrencyText, System.Globalization.CultureInfo.InvariantCulture),
                DryRun = result.GetValue(dryRun),
                ReportPath = result.GetValue(report) ?? result.GetValue(resume),
                ResumePath = result.GetValue(resume),
                Progress = Enum.Parse<ProgressStyle>(result.GetValue(progress)!, ignoreCase: true),
                MaxWcu = result.GetValue(maxWcu) is { } wcu ? PositiveWholeNumber(wcu) : null,
            };
            if (result.GetValue(progressInterval) is { } seconds) options = options with { ProgressInterval = TimeSpan.FromSeconds(PositiveWholeNumber(seconds)!.Value) };
            return load(options, cancellationToken);
        });
        return command;
    }

    private static Command BuildExport(Func<string, string, CancellationToken, Task<int>> export)
    {
        var table = new Option<string>("--table") { Description = "Table to export.", Required = true };
        table.Validators.Add(CheckTableName);
        var output = new Option<string>("--out") { Description = "NDJSON file to write (one {\"Item\": ...} per line, DynamoDB JSON).", Required = true };
        var command = new Command("export", "Write every item of a table (a paginated Scan) to NDJSON that load reads back.") { table, output };
        command.SetAction((result, cancellationToken) => export(result.GetValue(table)!, result.GetValue(output)!, cancellationToken));
        return command;
    }

    private static bool SamePath(string path, string? other) =>
        other is not null && string.Equals(Path.GetFullPath(path), Path.GetFullPath(other), StringComparison.Ordinal);

    /// <summary>DynamoDB's rule for table names, checked before any call: 3 to 255 of a-z, A-Z, 0-9, '_', '-' and '.'.</summary>
    private static void CheckTableName(System.CommandLine.Parsing.OptionResult result)
    {
        var name = result.GetValueOrDefault<string>() ?? "";
        if (name.Length is < 3 or > 255 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
        {
            result.AddError($"--table '{name}' is not a DynamoDB table name: 3 to 255 characters of a-z, A-Z, 0-9, '_', '-' and '.'.");
        }
    }

    /// <summary>A whole number of at least 1 in plain digits, or null.</summary>
    private static int? PositiveWholeNumber(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null;

    /// <summary>Parses and runs; a usage error prints the problem and exits 2, like invalid input.</summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var result = root.Parse(args);
        if (result.Errors.Count > 0 && result.Action is ParseErrorAction)
        {
            foreach (var parseError in result.Errors) await error.WriteLineAsync($"error: {parseError.Message}");
            await error.WriteLineAsync("Run with --help for usage.");
            return ExitCodes.InvalidInput;
        }

        // The host's console lifetime handles Ctrl+C and SIGTERM, so System.CommandLine's own handler is switched off.
        var configuration = new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null };
        return await result.InvokeAsync(configuration, cancellationToken);
    }
}
