using System.Text.Json;
using CafeMenu.Loader.Writing;

namespace CafeMenu.Loader.Reporting;

/// <summary>
/// Writes <c>--report</c>: the summary's fields, then <c>skipped_items</c> and <c>failed_items</c> (file, line, key, reason),
/// streamed from the tally's spill files so a report of a million skipped items needs no memory.
/// </summary>
/// <remarks>
/// A report goes to a temporary file beside the path, flushed to disk and renamed over it, so a reader never sees half a
/// report and a full disk fails the write, not the rename. An existing file of no length is written in place instead:
/// device nodes and /proc files look like that (.NET shows no file type), and renaming over /dev/null as root would
/// replace the device.
/// </remarks>
internal static class ReportWriter
{
    /// <summary>
    /// Writes a first version of the report, <c>{"outcome": "running"}</c>, the way the final one will be written; returns
    /// why that failed, or null. A path check alone let <c>/dev/full</c> and <c>/proc/version</c> through: they open for
    /// writing and fail only on the write.
    /// </summary>
    public static string? WriteFirstVersion(string path, DateTimeOffset startedAt)
    {
        if (Directory.Exists(path)) return "is a folder; give a file name";
        try
        {
            Write(path, stream =>
            {
                using var writer = new Utf8JsonWriter(stream, ReportJson.Writer with { Indented = true });
                writer.WriteStartObject();
                writer.WriteString("outcome", "running");
                writer.WriteString("started_at", startedAt);
                writer.WriteEndObject();
            });
            return null;
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            return $"cannot be written: {e.Message}";
        }
    }

    /// <summary>
    /// How writing a file fails for reasons outside the Loader: a full disk, a path that refuses writes, and a file size
    /// limit (<c>ulimit -f</c>), which .NET reports as an <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    public static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException;

    public static void Write(string path, LoadSummary summary, LoadTally? tally, CancellationToken cancellationToken)
    {
        // A list that lost items would make a report that looks whole and is not.
        if (tally?.SpillFailure is { } lost) throw new IOException($"the list of skipped and failed items could not be kept: {lost}");
        tally?.FlushSpills();
        Write(path, stream =>
        {
            using var writer = new Utf8JsonWriter(stream, ReportJson.Writer with { Indented = true });
            writer.WriteStartObject();
            using (var fields = JsonSerializer.SerializeToDocument(summary, ReportJson.Summary))
            {
                foreach (var property in fields.RootElement.EnumerateObject()) property.WriteTo(writer);
            }

            WriteList(writer, "skipped_items", tally?.SkippedSpillPath, cancellationToken);
            WriteList(writer, "failed_items", tally?.FailedSpillPath, cancellationToken);
            writer.WriteEndObject();
        });
    }

    private static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full);
        if (directory is not null) Directory.CreateDirectory(directory);
        if (File.Exists(full) && new FileInfo(full).Length == 0)
        {
            using var stream = new FileStream(full, FileMode.Create, FileAccess.Write);
            write(stream);
            stream.Flush(flushToDisk: true);
            return;
        }

        var temporary = Path.Combine(directory ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // gone already after the rename
        }
    }

    private static void WriteList(Utf8JsonWriter writer, string name, string? spill, CancellationToken cancellationToken)
    {
        writer.WriteStartArray(name);
        if (spill is not null)
        {
            using var reader = new StreamReader(new FileStream(spill, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            while (reader.ReadLine() is { } line)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.WriteRawValue(line, skipInputValidation: true);
                if (writer.BytesPending > 1 << 16) writer.Flush();
            }
        }

        writer.WriteEndArray();
    }
}
