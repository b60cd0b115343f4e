using System.Diagnostics;

namespace CafeMenu.Web.Telemetry;

/// <summary>The Web's own spans: each user interaction (add, edit, toggle special, delete) is the root of its trace.</summary>
internal static class WebTelemetry
{
    public const string SourceName = "CafeMenu.Web";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Starts a root span for a click. A Blazor event runs inside the circuit's long-lived connection, whose ambient
    /// activity would otherwise become the parent and bury every click in one endless trace.
    /// </summary>
    public static Activity? StartInteraction(string name, string? productName = null)
    {
        var ambient = Activity.Current;
        Activity.Current = null;
        var activity = Source.StartActivity(name, ActivityKind.Internal);
        if (activity is null)
        {
            Activity.Current = ambient;
            return null;
        }

        activity.SetTag("cafemenu.interaction", name);
        if (productName is not null) activity.SetTag("cafemenu.product_name", productName);
        return activity;
    }
}
