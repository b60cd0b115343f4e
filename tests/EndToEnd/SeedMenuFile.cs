using System.Text.Json;
using CafeMenu.Hosting.DynamoDBLocal;
using CafeMenu.Menu;

namespace CafeMenu.EndToEnd;

/// <summary>The seed menu the AppHost's Loader loads (data/menu.json), read by the test so that no name or price is hard-coded.</summary>
internal static class SeedMenuFile
{
    public static IReadOnlyList<MenuItem> Items { get; } = Read();

    private static List<MenuItem> Read()
    {
        var path = Path.Combine(DynamoDBLocalInstallation.FindRepositoryRoot(AppContext.BaseDirectory), "data", "menu.json");
        Assert.True(File.Exists(path), $"{path} is missing: the seed menu is part of the repository.");
        var items = JsonSerializer.Deserialize<List<MenuItem>>(File.ReadAllText(path), MenuJson.Options);
        Assert.NotNull(items);
        Assert.NotEmpty(items);
        return items;
    }
}
