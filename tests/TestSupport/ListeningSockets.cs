using System.Globalization;

namespace CafeMenu.TestSupport;

/// <summary>
/// TCP listeners as the kernel reports them (/proc/net/tcp and tcp6), matched to processes by socket inode: what a
/// process really bound, whatever it was asked to. Read by hand because .NET's IPGlobalProperties lists listeners
/// without the process that owns them.
/// </summary>
public static class ListeningSockets
{
    public readonly record struct Listener(string Address, int Port, long Inode)
    {
        public bool IsLoopbackOnly => Address is "127.0.0.1" or "::ffff:127.0.0.1";

        public override string ToString() => $"{Address}:{Port}";
    }

    /// <summary>The listeners whose socket process <paramref name="pid"/> holds open.</summary>
    public static IReadOnlyList<Listener> OfProcess(int pid)
    {
        var inodes = SocketInodes(pid).ToHashSet();
        return All().Where(l => inodes.Contains(l.Inode)).ToList();
    }

    /// <summary>Every LISTEN row of /proc/net/tcp and /proc/net/tcp6.</summary>
    public static IEnumerable<Listener> All() => Listeners("/proc/net/tcp").Concat(Listeners("/proc/net/tcp6"));

    /// <summary>The inodes of the sockets among the open files of process <paramref name="pid"/>; none once it has ended.</summary>
    public static IEnumerable<long> SocketInodes(int pid)
    {
        string[] links;
        try
        {
            links = Directory.GetFiles($"/proc/{pid}/fd");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break; // the process ended meanwhile
        }

        foreach (var link in links)
        {
            string? target;
            try
            {
                target = new FileInfo(link).LinkTarget;
            }
            catch (IOException)
            {
                continue; // the file was closed meanwhile
            }

            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                yield return long.Parse(target["socket:[".Length..^1], CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>LISTEN rows (state 0A) of /proc/net/tcp or tcp6: the address in the kernel's hex notation, decoded.</summary>
    private static IEnumerable<Listener> Listeners(string table)
    {
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns[3] != "0A") continue;
            var (hexAddress, hexPort) = (columns[1].Split(':')[0], columns[1].Split(':')[1]);
            yield return new Listener(
                Decode(hexAddress),
                int.Parse(hexPort, NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                long.Parse(columns[9], CultureInfo.InvariantCulture));
        }
    }

    /// <summary>/proc prints each 32-bit word of the address in host (little-endian) order.</summary>
    private static string Decode(string hex)
    {
        var bytes = Enumerable.Range(0, hex.Length / 8)
            .SelectMany(word => Convert.FromHexString(hex.Substring(word * 8, 8)).Reverse())
            .ToArray();
        return new System.Net.IPAddress(bytes).ToString();
    }
}
