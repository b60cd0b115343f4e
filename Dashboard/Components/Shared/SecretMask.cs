namespace CafeMenu.Dashboard.Components.Shared;

/// <summary>
/// Masks values that look secret before the details panel shows them. The orchestrator masks already; this is the
/// dashboard's own guarantee that the OTLP API key and credentials never reach a browser.
/// </summary>
internal static class SecretMask
{
    public const string Masked = "••••••••";

    public static bool IsSecret(string name) => Hosting.SecretMasker.IsSecret(name);

    public static string Show(string name, string value) => IsSecret(name) && value.Length > 0 ? Masked : value;
}
