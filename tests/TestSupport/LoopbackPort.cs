using System.Net;
using System.Net.Sockets;

namespace CafeMenu.TestSupport;

public static class LoopbackPort
{
    private const int Lowest = 10_000;
    private const string EphemeralRangeFile = "/proc/sys/net/ipv4/ip_local_port_range";

    /// <summary>
    /// A 127.0.0.1 TCP port that is free now and stays out of the way of outgoing connections.
    /// A server under test binds its port some time after this pick. A port from the kernel's
    /// ephemeral range (port 0) can meanwhile become the local port of any client socket on the machine, and
    /// the server then fails with "address already in use"; so the pick is a random free port below that range.
    /// </summary>
    public static int Next()
    {
        var below = EphemeralRangeStart();
        for (var attempt = 0; below > Lowest + 1_000 && attempt < 50; attempt++)
        {
            var port = Random.Shared.Next(Lowest, below);
            if (IsFree(port)) return port;
        }

        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The first port the kernel hands to outgoing connections (Linux: 32768 by default); 0 when unknown.</summary>
    public static int EphemeralRangeStart()
    {
        try
        {
            var text = File.Exists(EphemeralRangeFile) ? File.ReadAllText(EphemeralRangeFile) : "";
            return int.TryParse(text.Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(), out var low) ? low : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
