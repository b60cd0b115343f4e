using System.Text;
using System.Text.Json;
using CafeMenu.Loader.Writing;

namespace CafeMenu.Loader.Resume;

/// <summary>
/// The file beside the report (<c>REPORT.journal</c>) that makes a killed load resumable: a first line naming the run
/// (<see cref="PriorRun"/>), then one line <c>FILE RUNS</c> per confirmed request, handed to the operating system before
/// the next request is counted. A SIGKILL loses nothing the kernel has; a line cut short by a crash is ignored on reading.
/// The final report holds the same record compactly, so the journal is deleted once that report is written.
/// </summary>
/// <remarks>
/// A journal that cannot be written further (a disk that fills during the load, a file size limit) stops recording and
/// says why in <see cref="Failure"/>; it never fails the write it records, since that write is done. Its lines go to the
/// kernel unbuffered, so nothing held back in a buffer can reach the file after the failure and garble its last line.
/// </remarks>
internal sealed class ConfirmationJournal : IDisposable
{
    private readonly FileStream _stream;
    private readonly ConfirmedRecords _confirmed;
    private readonly Lock _gate = new();

    private ConfirmationJournal(string path, FileStream stream, ConfirmedRecords confirmed)
    {
        Path = path;
        _stream = stream;
        _confirmed = confirmed;
    }

    public string Path { get; }

    /// <summary>Why the journal stopped recording confirmed items, or null while it records them all.</summary>
    public string? Failure { get; private set; }

    public static string PathFor(string reportPath) => reportPath + ".journal";

    /// <summary>
    /// Starts a journal holding <paramref name="confirmed"/> (what earlier runs confirmed): written beside and renamed over
    /// the old one, so a kill at any moment leaves one whole journal.
    /// </summary>
    public static ConfirmationJournal Start(string reportPath, PriorRun run, ConfirmedRecords confirmed)
    {
        var path = PathFor(reportPath);
        var temporary = path + ".tmp";
        try
        {
            using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false)))
            {
                writer.WriteLine(JsonSerializer.Serialize(run with { Confirmed = null }, ResumeJsonContext.Default.PriorRun));
                for (var file = 0; file < confirmed.FileCount; file++)
                {
                    if (confirmed.Runs(file) is { Length: > 0 } runs) writer.WriteLine($"{file} {runs}");
                }

                writer.Flush();
                ((FileStream)writer.BaseStream).Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // gone already after the rename
        }

        var append = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
        return new ConfirmationJournal(path, append, confirmed);
    }

    /// <summary>Records items DynamoDB confirmed; returns once the line is in the kernel's hands, or the journal has failed.</summary>
    public void Confirm(IReadOnlyList<PendingItem> items)
    {
        if (items.Count == 0) return;
        lock (_gate)
        {
            var lines = new StringBuilder();
            foreach (var file in items.GroupBy(i => i.FileIndex))
            {
                foreach (var item in file) _confirmed.Add(item.FileIndex, item.Ordinal);
                lines.Append(file.Key).Append(' ').Append(ConfirmedRecords.Runs(file.Select(i => i.Ordinal))).Append('\n');
            }

            if (Failure is not null) return;
            try
            {
                _stream.Write(Encoding.UTF8.GetBytes(lines.ToString()));
            }
            catch (Exception e) when (Reporting.ReportWriter.IsWriteFailure(e))
            {
                // What DynamoDB confirmed stays in memory for the final report; a line cut short here is ignored on reading.
                Failure = e.Message;
            }
        }
    }

    /// <summary>Reads a journal back: its run and its lines of runs. A last line without its newline was cut by a crash and is ignored.</summary>
    public static (PriorRun Run, List<(int File, string Runs)> Lines) Read(string path)
    {
        var text = File.ReadAllText(path, Encoding.UTF8);
        var complete = text.LastIndexOf('\n') + 1;
        var lines = text[..complete].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0) throw new ResumeRefusedException($"{path} is empty: the earlier run stopped before writing began");
        PriorRun? run;
        try
        {
            run = JsonSerializer.Deserialize(lines[0], ResumeJsonContext.Default.PriorRun);
        }
        catch (JsonException e)
        {
            throw new ResumeRefusedException($"{path} line 1 is not a Loader journal: {e.Message}");
        }

        var runs = new List<(int, string)>();
        for (var i = 1; i < lines.Length; i++)
        {
            var space = lines[i].IndexOf(' ');
            if (space < 0 || !int.TryParse(lines[i].AsSpan(0, space), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var file))
            {
                throw new ResumeRefusedException($"{path} line {i + 1} is not a journal line (FILE RUNS)");
            }

            runs.Add((file, lines[i][(space + 1)..]));
        }

        return (run ?? throw new ResumeRefusedException($"{path} line 1 is not a Loader journal"), runs);
    }

    /// <summary>Once the final report holds the record, the journal is not needed.</summary>
    public void Delete()
    {
        Dispose();
        File.Delete(Path);
    }

    public void Dispose()
    {
        lock (_gate) _stream.Dispose();
    }
}
