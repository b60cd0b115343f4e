using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using CafeMenu.Api.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using static CafeMenu.Api.Tests.Http;

namespace CafeMenu.Api.Tests;

[Collection(DynamoDbCollection.Name)]
public sealed class TelemetryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task The_api_counts_items_created_conflicts_and_specials_served()
    {
        // Only this Api's meter: other hosts in the same test process create meters of the same name.
        var meterFactory = api.Services.GetRequiredService<IMeterFactory>();
        var totals = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ApiTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, meterFactory)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => totals.AddOrUpdate(instrument.Name, value, (_, v) => v + value));
        listener.Start();

        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/menu", Json(Item("Counted", "1.00", "\"special\":1")))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsync("/menu", Json(Item("Counted")))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await _client.PostAsync("/menu/batch", Json($"[{Item("C1")},{Item("C2")}]"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/menu/specials")).StatusCode);

        Assert.Equal(3, totals.GetValueOrDefault("cafemenu.api.items.created"));
        Assert.Equal(1, totals.GetValueOrDefault("cafemenu.api.conflicts"));
        Assert.Equal(1, totals.GetValueOrDefault("cafemenu.api.specials.served"));
    }
}
