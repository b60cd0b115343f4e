using System.Diagnostics;

namespace CafeMenu.Dashboard.Tests;

internal static class Eventually
{
    /// <summary>Polls until the condition holds; fails with <paramref name="what"/> after the timeout.</summary>
    public static async Task TrueAsync(Func<bool> condition, string what, int timeoutMs = 15_000)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.ElapsedMilliseconds > timeoutMs) Assert.Fail($"Timed out after {timeoutMs} ms waiting for: {what}");
            await Task.Delay(50);
        }
    }
}
