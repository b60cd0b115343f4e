using System.Diagnostics.Metrics;

namespace CafeMenu.Api.Telemetry;

/// <summary>The ordering metrics, on the Api's meter <c>CafeMenu.Api</c>.</summary>
internal sealed class OrdersTelemetry
{
    private readonly Counter<long> _placed;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _advanced;

    public OrdersTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(ApiTelemetry.Name);
        _placed = meter.CreateCounter<long>("cafemenu.api.orders.placed", "{order}", "Orders placed (replays of an Idempotency-Key not counted).");
        _refused = meter.CreateCounter<long>("cafemenu.api.orders.refused", "{order}",
            "Orders refused by the menu or the idempotency rule, by reason (unknown_product, out_of_stock, price_changed, not_enough_stock, menu_changed, idempotency_key_reused).");
        _advanced = meter.CreateCounter<long>("cafemenu.api.orders.advanced", "{order}", "Status changes applied, by transition (for example placed->preparing).");
    }

    public void Placed() => _placed.Add(1);

    /// <param name="reason">the first refused line's reason, or idempotency_key_reused.</param>
    public void Refused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("cafemenu.reason", reason));

    public void Advanced(string from, string to) => _advanced.Add(1, new KeyValuePair<string, object?>("cafemenu.transition", $"{from}->{to}"));
}
