namespace CafeMenu.Dashboard.Components.Shared;

/// <summary>A stable colour per resource name, so one service looks the same on every page.</summary>
internal static class ResourceColors
{
    private static readonly string[] Palette = ["#0f6cbd", "#c239b3", "#107c10", "#ca5010", "#5c2e91", "#038387", "#986f0b", "#a4262c"];

    public static string For(string resource)
    {
        var hash = 0;
        foreach (var c in resource) hash = unchecked(hash * 31 + c);
        return Palette[(hash & int.MaxValue) % Palette.Length];
    }
}
