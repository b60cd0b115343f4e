using System.Globalization;
using CafeMenu.EndToEnd;

namespace CafeMenu.Reliability;

/// <summary>Every TCP listener of a running AppHost and of everything it started binds the loopback address only.</summary>
[Collection(AppHostCollection.Name)]
public sealed class ListenerTests(RunningAppHost appHost)
{
    [Fact]
    public void Every_listener_of_the_apphost_and_its_dotnet_children_binds_127_0_0_1()
    {
        var listeners = ListenersOf(appHost.Host);

        var dotnet = listeners.Where(l => !l.Process.Contains("DynamoDBLocal.jar", StringComparison.Ordinal)).ToList();
        // The dashboard's UI, OTLP gRPC and OTLP HTTP ports in the AppHost, the Api and the Web.
        Assert.True(dotnet.Count >= 5, $"found only {dotnet.Count} .NET listeners:\n{string.Join('\n', listeners)}");
        AssertLoopbackOnly(dotnet);
    }

    /// <summary>
    /// DynamoDB Local 3.3.1 has no bind-address option and listens on every interface (see docs/reliability.md, "Open").
    /// What the AppHost controls: it refuses browser calls from other origins and sends no telemetry.
    /// </summary>
    [Fact]
    public async Task DynamoDB_Local_refuses_browser_calls_from_other_origins_and_sends_no_telemetry()
    {
        var dynamo = appHost.Host.MarkedProcesses().Single(p => p.CommandLine.Contains("DynamoDBLocal.jar", StringComparison.Ordinal));
        Assert.Contains("-disableTelemetry", dynamo.CommandLine, StringComparison.Ordinal);

        using var http = new HttpClient();
        foreach (var (origin, allowed) in new[] { ("http://evil.example", false), (Hosting.DynamoDbLocal.DynamoDbLocalInstallation.LoopbackOrigin, true) })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, appHost.Host.Url("dynamodb"));
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            using var response = await http.SendAsync(preflight);
            Assert.Equal(allowed, response.Headers.Contains("Access-Control-Allow-Origin"));
        }
    }

    private static void AssertLoopbackOnly(List<(string Address, int Port, string Process)> listeners)
    {
        var open = listeners.Where(l => l.Address is not ("127.0.0.1" or "::ffff:127.0.0.1")).ToList();
        Assert.True(open.Count == 0, "listeners beyond loopback:\n" + string.Join('\n', open));
    }

    private static List<(string Address, int Port, string Process)> ListenersOf(AppHostProcess host)
    {
        var processes = host.MarkedProcesses();
        var sockets = processes.SelectMany(p => SocketInodes(p.Pid).Select(inode => (inode, p.CommandLine)))
            .GroupBy(s => s.inode).ToDictionary(g => g.Key, g => g.First().CommandLine);
        return Listeners("/proc/net/tcp").Concat(Listeners("/proc/net/tcp6"))
            .Where(l => sockets.ContainsKey(l.Inode))
            .Select(l => (l.Address, l.Port, Process: sockets[l.Inode]))
            .ToList();
    }

    private static IEnumerable<long> SocketInodes(int pid)
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
            var target = new FileInfo(link).LinkTarget;
            if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal))
            {
                yield return long.Parse(target["socket:[".Length..^1], CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>LISTEN rows (state 0A) of /proc/net/tcp or tcp6: the address in the kernel's hex notation, decoded.</summary>
    private static IEnumerable<(string Address, int Port, long Inode)> Listeners(string table)
    {
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns[3] != "0A") continue;
            var (hexAddress, hexPort) = (columns[1].Split(':')[0], columns[1].Split(':')[1]);
            yield return (Decode(hexAddress), int.Parse(hexPort, NumberStyles.HexNumber, CultureInfo.InvariantCulture), long.Parse(columns[9], CultureInfo.InvariantCulture));
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
