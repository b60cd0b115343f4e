namespace CafeMenu.Dashboard.Components.Shared;

/// <summary>
/// Masks values that look secret before the details panel shows them. The orchestrator masks already; this is the
/// dashboard's own guarantee that the OTLP API key and credentials never reach a browser.
/// </summary>
internal static class SecretMask
{
    public const string Masked = "••••••••";
    private static readonly string[] SecretMarkers = ["KEY", "SECRET", "TOKEN", "PASSWORD", "PWD", "HEADERS", "CONNECTIONSTRING"];

    public static bool IsSecret(string name)
    {
        var upper = name.ToUpperInvariant();
        return SecretMarkers.Any(upper.Contains);
    }

    public static string Show(string name, string value) => IsSecret(name) && value.Length > 0 ? Masked : value;
}
