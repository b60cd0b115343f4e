using System.Net;
using System.Net.Sockets;

namespace CafeMenu.Hosting;

internal static class LoopbackPort
{
    /// <summary>A 127.0.0.1 TCP port the operating system just reported free.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
