using System.Text.Json;
using CafeMenu.Loader.Input;

namespace CafeMenu.Loader.Resume;

/// <summary>
/// Where <c>--resume REPORT</c> starts from: the earlier run as its journal (a run that was killed) or its final report
/// describes it, checked against this run before anything is written.
/// </summary>
internal sealed class ResumePoint
{
    private readonly List<(int File, string Runs)> _runs;

    private ResumePoint(string report, PriorRun run, List<(int, string)> runs)
    {
        Report = report;
        Run = run;
        _runs = runs;
    }

    public string Report { get; }
    public PriorRun Run { get; }

    /// <summary>Reads the report and, when the run left one, its journal; throws <see cref="ResumeRefusedException"/> when neither can be used.</summary>
    public static ResumePoint Read(string report)
    {
        if (!File.Exists(report)) throw new ResumeRefusedException($"--resume {report}: no such report");
        PriorRun? fromReport;
        try
        {
            using var stream = File.OpenRead(report);
            fromReport = JsonSerializer.Deserialize(stream, ResumeJsonContext.Default.PriorRun);
        }
        catch (JsonException e)
        {
            throw new ResumeRefusedException($"--resume {report}: not a Loader report ({e.Message})");
        }

        if (fromReport is null) throw new ResumeRefusedException($"--resume {report}: not a Loader report");
        var journal = ConfirmationJournal.PathFor(report);
        if (File.Exists(journal))
        {
            // The journal is the later record: a killed run left only it, and a finished run deletes it after its report.
            var (run, lines) = ConfirmationJournal.Read(journal);
            return new ResumePoint(report, run, lines);
        }

        var runs = (fromReport.Confirmed ?? []).Select((r, file) => (file, r)).ToList();
        return new ResumePoint(report, fromReport, runs);
    }

    /// <summary>Why this run may not continue the earlier one, or null. Nothing has been written when this is asked.</summary>
    public string? Mismatch(string table, string mode, string onDuplicate, IReadOnlyList<InputIdentity> input)
    {
        if (Run.Input is null) return null; // stopped before reading its input: nothing was confirmed, any input may start
        if (Run.Table != table) return $"the earlier run loaded table {Run.Table}, not {table}";
        if (Run.Mode != mode) return $"the earlier run was --mode {Run.Mode}; resume it with the same mode";
        if (Run.OnDuplicate != onDuplicate) return $"the earlier run was --on-duplicate {Run.OnDuplicate}; resume it with the same policy";
        if (Run.Input.Count != input.Count) return $"the earlier run read {Run.Input.Count} file(s), this one {input.Count}";
        for (var i = 0; i < input.Count; i++)
        {
            if (Run.Input[i].Difference(input[i]) is { } difference) return $"the input changed: {difference}";
        }

        return null;
    }

    /// <summary>The earlier run's confirmed records, on this run's (identical) input.</summary>
    public ConfirmedRecords Confirmed(IReadOnlyList<int> recordsPerFile)
    {
        var confirmed = new ConfirmedRecords(recordsPerFile);
        foreach (var (file, runs) in _runs)
        {
            if (!confirmed.TryAddRuns(file, runs))
            {
                throw new ResumeRefusedException($"--resume {Report}: its record of confirmed items names records the input does not have (file {file}: {Truncate(runs)})");
            }
        }

        return confirmed;
    }

    private static string Truncate(string text) => text.Length <= 60 ? text : text[..60] + "...";
}
