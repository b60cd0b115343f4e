using System.Diagnostics;

namespace CafeMenu.Hosting;

internal static class HostingTelemetry
{
    public const string SourceName = "CafeMenu.Hosting";

    /// <summary>One span per resource start, from Starting until ready (or failed).</summary>
    public static readonly ActivitySource Source = new(SourceName);
}
