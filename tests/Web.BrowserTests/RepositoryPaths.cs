using CafeMenu.Hosting.DynamoDBLocal;

namespace CafeMenu.Web.BrowserTests;

internal static class RepositoryPaths
{
    public static string Root { get; } = DynamoDBLocalInstallation.FindRepositoryRoot(AppContext.BaseDirectory);

    /// <summary>Debug or Release: the same configuration this test assembly was built in (…/bin/&lt;Configuration&gt;/net10.0/).</summary>
    public static string Configuration { get; } = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    /// <summary>Where screenshots go when CAFEMENU_SCREENSHOTS is set (a folder, relative to the repository root); null otherwise.</summary>
    public static string? ScreenshotFolder => Environment.GetEnvironmentVariable("CAFEMENU_SCREENSHOTS") is { Length: > 0 } folder
        ? Path.GetFullPath(folder, Root)
        : null;
}
