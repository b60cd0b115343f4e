using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CafeMenu.Api.Telemetry;

/// <summary>The Api's own spans and metrics, named <c>CafeMenu.Api</c> (ServiceDefaults exports every <c>CafeMenu.*</c> source and meter).</summary>
internal sealed class ApiTelemetry
{
    public const string Name = "CafeMenu.Api";

    public static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _itemsCreated;
    private readonly Counter<long> _conflicts;
    private readonly Counter<long> _specialsServed;
    private readonly Counter<long> _unrepresentable;

    public ApiTelemetry(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(Name);
        _itemsCreated = meter.CreateCounter<long>("cafemenu.api.items.created", "{item}", "Menu items created through POST /menu and POST /menu/batch.");
        _conflicts = meter.CreateCounter<long>("cafemenu.api.conflicts", "{conflict}", "Writes refused because the item exists or its version changed.");
        _specialsServed = meter.CreateCounter<long>("cafemenu.api.specials.served", "{item}", "Items returned by GET /menu/specials.");
        _unrepresentable = meter.CreateCounter<long>("cafemenu.api.items.unrepresentable", "{item}",
            "Stored items the Api cannot represent (for example a price no decimal holds exactly), left out of a listing or answered with 422.");
    }

    public void ItemsCreated(int count, string operation) =>
        _itemsCreated.Add(count, new KeyValuePair<string, object?>("cafemenu.operation", operation));

    /// <param name="kind">exists (409) or version_mismatch (412).</param>
    public void Conflict(string operation, string kind) => _conflicts.Add(
        1, new KeyValuePair<string, object?>("cafemenu.operation", operation), new KeyValuePair<string, object?>("cafemenu.conflict", kind));

    public void SpecialsServed(int count) => _specialsServed.Add(count);

    /// <param name="operation">the listing or route that met the item.</param>
    public void Unrepresentable(string operation) => _unrepresentable.Add(1, new KeyValuePair<string, object?>("cafemenu.operation", operation));
}
