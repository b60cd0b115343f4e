namespace CafeMenu.Hosting;

/// <summary>Hides secret values in what the console and the dashboard show; the child still gets the real value.</summary>
internal static class SecretMasker
{
    public const string Mask = "********";

    private static readonly string[] SecretMarkers = ["SECRET", "PASSWORD", "TOKEN", "KEY", "HEADERS", "CONNECTIONSTRING"];

    public static bool IsSecret(string name) =>
        SecretMarkers.Any(marker => name.Contains(marker, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyDictionary<string, string> MaskEnvironment(IReadOnlyDictionary<string, string> environment) =>
        environment.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(pair => pair.Key, pair => IsSecret(pair.Key) ? Mask : pair.Value, StringComparer.Ordinal);
}
