
namespace CafeMenu.TestSupport;

public static class FreePort
{
    /// <summary>
    /// A free 127.0.0.1 port below the kernel's ephemeral range: a port 0 pick from that
    /// range can be taken by another test's outgoing connection before the server under test binds it.
    /// </summary>
    public static int Next() => LoopbackPort.Next();
}
