using Microsoft.Playwright;

namespace CafeMenu.Web.BrowserTests;

internal static class Screenshots
{
    /// <summary>A full-page screenshot named <paramref name="name"/>.png in <see cref="RepositoryPaths.ScreenshotFolder"/>; nothing when that is not set.</summary>
    public static async Task SaveAsync(IPage page, string name)
    {
        if (RepositoryPaths.ScreenshotFolder is not { } folder) return;
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }
}
