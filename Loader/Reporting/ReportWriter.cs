using System.Text.Json;
using CafeMenu.Loader.Writing;

namespace CafeMenu.Loader.Reporting;

/// <summary>
/// Writes <c>--report</c>: the summary's fields, then <c>skipped_items</c> and <c>failed_items</c> (file, line, key, reason),
/// streamed from the tally's spill files so a report of a million skipped items needs no memory.
/// </summary>
internal static class ReportWriter
{
    /// <summary>Why a report could not be written to <paramref name="path"/>, or null when it can (its folder is created if missing).</summary>
    public static string? CannotWrite(string path)
    {
        if (Directory.Exists(path)) return "is a folder; give a file name";
        try
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (directory is not null) Directory.CreateDirectory(directory);
            using (File.Open(path, FileMode.OpenOrCreate, FileAccess.Write)) { }
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return e.Message;
        }
    }

    public static async Task WriteAsync(string path, LoadSummary summary, LoadTally? tally, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        await using var stream = File.Create(path);
        await using var writer = new Utf8JsonWriter(stream, ReportJson.Writer with { Indented = true });
        writer.WriteStartObject();
        using (var fields = JsonSerializer.SerializeToDocument(summary, ReportJson.Summary))
        {
            foreach (var property in fields.RootElement.EnumerateObject()) property.WriteTo(writer);
        }

        tally?.FlushSpills();
        await WriteListAsync(writer, "skipped_items", tally?.SkippedSpillPath, cancellationToken);
        await WriteListAsync(writer, "failed_items", tally?.FailedSpillPath, cancellationToken);
        writer.WriteEndObject();
    }

    private static async Task WriteListAsync(Utf8JsonWriter writer, string name, string? spill, CancellationToken cancellationToken)
    {
        writer.WriteStartArray(name);
        if (spill is not null)
        {
            using var reader = new StreamReader(new FileStream(spill, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                writer.WriteRawValue(line, skipInputValidation: true);
                if (writer.BytesPending > 1 << 16) await writer.FlushAsync(cancellationToken);
            }
        }

        writer.WriteEndArray();
    }
}
