using System.Text.Json;
using CafeMenu.Hosting.DynamoDBLocal;
using CafeMenu.Menu;

namespace CafeMenu.EndToEnd;

/// <summary>The seed orders the AppHost's orders-loader loads (data/orders.json), read as the Api's <see cref="Order"/>s.</summary>
internal static class SeedOrdersFile
{
    public static IReadOnlyList<Order> Orders { get; } = Read();

    /// <summary>The open seed orders' ids in the kitchen queue's order: oldest first.</summary>
    public static IReadOnlyList<string> OpenOrderIds { get; } =
        Orders.Where(o => OrderStatus.IsOpen(o.Status)).Select(o => o.OrderId).Order(StringComparer.Ordinal).ToList();

    private static List<Order> Read()
    {
        var path = Path.Combine(DynamoDBLocalInstallation.FindRepositoryRoot(AppContext.BaseDirectory), "data", "orders.json");
        Assert.True(File.Exists(path), $"{path} is missing: the seed orders are part of the repository.");
        var orders = JsonSerializer.Deserialize<List<Order>>(File.ReadAllText(path));
        Assert.NotNull(orders);
        Assert.NotEmpty(orders);
        return orders;
    }
}
