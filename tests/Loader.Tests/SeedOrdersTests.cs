using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using A = CafeMenu.Menu.OrdersTable.Attributes;

namespace CafeMenu.Loader.Tests;

/// <summary>The seed orders (data/orders.json) checked against the ordering domain: what the Api itself would have stored.</summary>
public class SeedOrdersTests
{
    private static readonly List<Dictionary<string, AttributeValue>> Items = SeedOrdersFile.Items();
    private static readonly List<Order> Orders = Items.Select(Parse).ToList();

    [Fact]
    public void Every_seed_order_is_exactly_the_item_the_Api_stores_for_it()
    {
        foreach (var (item, order) in Items.Zip(Orders))
        {
            // The Api's own mapper writes the parsed order back: the same attributes, types and digits. Seed orders were
            // never placed through POST /orders, so they carry no request hash (read only with an Idempotency-Key).
            var stored = OrderMapper.ToAttributes(order, idempotencyKey: null, requestHash: "");
            stored.Remove(A.RequestHash);
            Assert.Equal(LoaderRun.Canonical(stored), LoaderRun.Canonical(item));
            // No expiry: their times are in the past, so an expires_at would hide them at once (docs/orders.md).
            Assert.False(item.ContainsKey(A.ExpiresAt), $"{order.OrderId} has expires_at");
        }
    }

    [Fact]
    public void Every_line_has_the_seed_menus_product_and_price_and_every_total_is_exact()
    {
        var menu = SeedOrdersFile.Menu();
        foreach (var order in Orders)
        {
            Assert.InRange(order.Lines.Count, 1, OrderRules.MaxLines);
            Assert.Equal(order.Lines.Count, order.Lines.Select(l => l.ProductName).Distinct(StringComparer.Ordinal).Count());
            foreach (var line in order.Lines)
            {
                Assert.True(menu.TryGetValue(line.ProductName, out var product), $"{order.OrderId}: {line.ProductName} is not on the seed menu");
                Assert.Equal(product.Price, line.UnitPrice);
                Assert.False(product.IsOutOfStock, $"{order.OrderId}: {line.ProductName} is out of stock, the Api would refuse it");
                Assert.InRange(line.Quantity, OrderRules.MinQuantity, OrderRules.MaxQuantity);
            }

            Assert.Equal(order.Lines.Sum(l => l.Quantity * l.UnitPrice), order.Total);
        }
    }

    [Fact]
    public void Statuses_versions_times_and_index_keys_agree()
    {
        foreach (var (item, order) in Items.Zip(Orders))
        {
            Assert.Contains(order.Status, OrderStatus.All);
            Assert.Equal(OrderMapper.StatusOrder(order.Status, order.OrderId), item[A.StatusOrder].S);
            // Open orders are in the kitchen queue (sparse queue_GSI); collected and cancelled ones are not.
            Assert.Equal(OrderStatus.IsOpen(order.Status) ? OrdersTable.QueueOpen : null, item.GetValueOrDefault(A.Queue)?.S);
            Assert.Equal(StepsFromPlaced(order.Status) + 1, order.Version);
            Assert.True(order.UpdatedAt >= order.CreatedAt, $"{order.OrderId} was updated before it was created");
            if (order.Status == OrderStatus.Placed) Assert.Equal(order.CreatedAt, order.UpdatedAt);
            Assert.Empty(GuestId.Problems(order.GuestId));
            Assert.Empty(PickupName.Problems(order.PickupName));
        }
    }

    [Fact]
    public void Order_ids_are_unique_well_formed_and_begin_with_their_creation_time()
    {
        foreach (var order in Orders)
        {
            Assert.True(OrderId.IsWellFormed(order.OrderId), order.OrderId);
            Assert.StartsWith(OrderId.Timestamp(order.CreatedAt) + "#", order.OrderId, StringComparison.Ordinal);
            Assert.Equal(TimeSpan.Zero, order.CreatedAt.Offset);
        }

        Assert.Equal(Orders.Count, Orders.Select(o => o.OrderId).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void The_seed_spans_several_guests_and_days_and_every_status_and_fills_the_kitchen_queue()
    {
        Assert.InRange(Orders.Count, 20, 40);
        Assert.True(Orders.Select(o => o.GuestId).Distinct().Count() >= 5, "fewer than 5 guests");
        Assert.True(Orders.Select(o => o.CreatedAt.UtcDateTime.Date).Distinct().Count() >= 5, "fewer than 5 days");
        Assert.Equal(OrderStatus.All.Order(), Orders.Select(o => o.Status).Distinct().Order());
        Assert.Contains(Orders, o => o.Lines.Count > 1);
        Assert.Contains(Orders, o => o.Lines.Any(l => l.Quantity > 1));
        // A guest with a history and an order ready to collect: the status_LSI's example query finds something.
        Assert.Contains(Orders.GroupBy(o => o.GuestId), g => g.Count() > 2 && g.Any(o => o.Status == OrderStatus.Ready));
    }

    private static Order Parse(Dictionary<string, AttributeValue> item) =>
        OrderMapper.TryFromAttributes(item, out var order, out var problem)
            ? order
            : throw new InvalidOperationException($"{item.GetValueOrDefault(A.OrderId)?.S}: {problem}");

    private static int StepsFromPlaced(string status)
    {
        var steps = 0;
        for (var s = status; s != OrderStatus.Placed; s = OrderStatus.PredecessorOf(s) ?? throw new InvalidOperationException(status)) steps++;
        return steps;
    }
}
