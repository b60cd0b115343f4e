namespace CafeMenu.Hosting;

/// <summary>Hides secret values in what the console and the dashboard show; the child still gets the real value.</summary>
/// <remarks>The one rule for which variable names are secret; the dashboard applies it again before a browser sees a value.</remarks>
public static class SecretMasker
{
    public const string Mask = "********";

    private static readonly string[] SecretMarkers = ["SECRET", "PASSWORD", "PWD", "TOKEN", "KEY", "HEADERS", "CONNECTIONSTRING"];

    public static bool IsSecret(string name) =>
        SecretMarkers.Any(marker => name.Contains(marker, StringComparison.OrdinalIgnoreCase));

    internal static IReadOnlyDictionary<string, string> MaskEnvironment(IReadOnlyDictionary<string, string> environment) =>
        environment.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(pair => pair.Key, pair => IsSecret(pair.Key) ? Mask : pair.Value, StringComparer.Ordinal);
}
