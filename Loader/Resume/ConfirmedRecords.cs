using System.Collections;
using System.Globalization;
using System.Text;

namespace CafeMenu.Loader.Resume;

/// <summary>
/// Which records of each input file DynamoDB confirmed (written, or already there in insert-only): one bit per record in
/// memory, runs of ordinals (<c>0-7999 8025-9999</c>) on disk, since writes complete nearly in input order.
/// </summary>
internal sealed class ConfirmedRecords
{
    private readonly BitArray[] _files;
    private readonly Lock _gate = new();

    public ConfirmedRecords(IReadOnlyList<int> recordsPerFile)
    {
        _files = recordsPerFile.Select(n => new BitArray(n)).ToArray();
    }

    public int FileCount => _files.Length;

    public long Count { get; private set; }

    public bool Contains(int file, int ordinal)
    {
        lock (_gate) return _files[file][ordinal];
    }

    public void Add(int file, int ordinal)
    {
        lock (_gate)
        {
            if (_files[file][ordinal]) return;
            _files[file][ordinal] = true;
            Count++;
        }
    }

    /// <summary>Adds runs read back from a journal or report; false when one lies outside the file's records.</summary>
    public bool TryAddRuns(int file, string runs)
    {
        if (file < 0 || file >= _files.Length) return false;
        foreach (var run in runs.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var dash = run.IndexOf('-');
            var firstText = dash < 0 ? run : run[..dash];
            var lastText = dash < 0 ? run : run[(dash + 1)..];
            if (!int.TryParse(firstText, NumberStyles.None, CultureInfo.InvariantCulture, out var first)
                || !int.TryParse(lastText, NumberStyles.None, CultureInfo.InvariantCulture, out var last)
                || first > last || last >= _files[file].Length)
            {
                return false;
            }

            for (var ordinal = first; ordinal <= last; ordinal++) Add(file, ordinal);
        }

        return true;
    }

    /// <summary>The confirmed ordinals of one file as runs, the form <see cref="TryAddRuns"/> reads.</summary>
    public string Runs(int file)
    {
        lock (_gate) return Runs(_files[file], 0, _files[file].Length);
    }

    /// <summary>Runs of the given ordinals, for one journal line per confirmed request.</summary>
    public static string Runs(IEnumerable<int> ordinals)
    {
        var text = new StringBuilder();
        int? first = null, last = null;
        foreach (var ordinal in ordinals.Order())
        {
            if (last is { } l && ordinal == l + 1)
            {
                last = ordinal;
                continue;
            }

            Append(text, first, last);
            first = last = ordinal;
        }

        Append(text, first, last);
        return text.ToString();
    }

    private static string Runs(BitArray bits, int from, int to)
    {
        var text = new StringBuilder();
        var ordinal = from;
        while (ordinal < to)
        {
            if (!bits[ordinal])
            {
                ordinal++;
                continue;
            }

            var first = ordinal;
            while (ordinal + 1 < to && bits[ordinal + 1]) ordinal++;
            Append(text, first, ordinal);
            ordinal++;
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, int? first, int? last)
    {
        if (first is not { } f || last is not { } l) return;
        if (text.Length > 0) text.Append(' ');
        text.Append(f.ToString(CultureInfo.InvariantCulture));
        if (l != f) text.Append('-').Append(l.ToString(CultureInfo.InvariantCulture));
    }
}
