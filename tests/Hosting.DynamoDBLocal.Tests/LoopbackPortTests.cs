using CafeMenu.TestSupport;
using System.Net;
using System.Net.Sockets;

namespace CafeMenu.Hosting.DynamoDBLocal.Tests;

public sealed class LoopbackPortTests
{
    [Fact]
    public void A_port_is_free_and_below_the_range_the_kernel_gives_outgoing_connections()
    {
        var ephemeralStart = LoopbackPort.EphemeralRangeStart();
        Assert.True(ephemeralStart > 11_000, $"unexpected ephemeral port range start {ephemeralStart}");

        var ports = Enumerable.Range(0, 20).Select(_ => LoopbackPort.Next()).ToList();

        Assert.All(ports, port => Assert.InRange(port, 10_000, ephemeralStart - 1));
        using var listener = new TcpListener(IPAddress.Loopback, ports[0]);
        listener.Start();
    }
}
