using System.Runtime.InteropServices;

namespace CafeMenu.Hosting;

/// <summary>
/// Sends a signal to a process group. Hand-written P/Invoke: .NET has no API to send SIGTERM/SIGKILL to another
/// process (Process.Kill only sends SIGKILL, and only to one process or its current tree).
/// </summary>
internal static class PosixSignals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;

    /// <summary>Signals every process of group <paramref name="processGroupId"/>; false when none is left.</summary>
    public static bool SignalGroup(int processGroupId, int signal) => kill(-processGroupId, signal) == 0;

    public static bool Signal(int processId, int signal) => kill(processId, signal) == 0;

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int sig);
}
