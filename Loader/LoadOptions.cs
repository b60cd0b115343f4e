using CafeMenu.Loader.Input;
using CafeMenu.Loader.Reporting;
using CafeMenu.Loader.Validation;
using CafeMenu.Loader.Writing;

namespace CafeMenu.Loader;

/// <summary>What <c>load</c> was asked to do, parsed from the command line.</summary>
internal sealed record LoadOptions
{
    public required IReadOnlyList<string> Files { get; init; }
    public string Table { get; init; } = Menu.MenuTable.DefaultName;
    public InputFormat? Format { get; init; }
    public WriteMode Mode { get; init; } = WriteMode.Upsert;
    public DuplicatePolicy OnDuplicate { get; init; } = DuplicatePolicy.Fail;
    public bool CreateTable { get; init; }

    /// <summary>The table <see cref="CreateTable"/> creates when the target is missing.</summary>
    public TableDefinition Definition { get; init; } = TableDefinition.Menu;

    /// <summary>null = auto.</summary>
    public int? Concurrency { get; init; }
    public bool DryRun { get; init; }
    public string? ReportPath { get; init; }

    /// <summary>The report of an earlier, unfinished run of the same input to continue (<c>--resume</c>).</summary>
    public string? ResumePath { get; init; }
    public ProgressStyle Progress { get; init; } = ProgressStyle.Auto;
    public RetrySettings Retry { get; init; } = new();

    /// <summary>--max-wcu: write capacity units per second the load may consume; null = unlimited.</summary>
    public int? MaxWcu { get; init; }

    /// <summary>--progress-interval: time between plain progress lines.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(2);
}

/// <summary>Exit codes of the Loader, documented in docs/loader.md.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Some items failed (listed in the report), or DynamoDB could not be reached.</summary>
    public const int Failed = 1;

    /// <summary>Bad input or usage: nothing was written.</summary>
    public const int InvalidInput = 2;

    public const int Cancelled = 130;
}
