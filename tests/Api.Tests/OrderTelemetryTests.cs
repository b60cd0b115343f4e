using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using CafeMenu.Api.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using static CafeMenu.Api.Tests.Orders;

namespace CafeMenu.Api.Tests;

[Collection(DynamoDbCollection.Name)]
public sealed class OrderTelemetryTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private readonly HttpClient _client = api.CreateClient();

    [Fact]
    public async Task Placing_an_order_is_one_trace_into_one_TransactWriteItems_span_naming_both_tables()
    {
        await _client.AddMenuItemAsync("Traced latte", "3.50");
        var spans = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "AWSSDK.DynamoDB" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(listener);
        // The caller's span, as the Web's would be: HttpClient propagates its trace to the Api.
        using var caller = new Activity("place order").SetIdFormat(ActivityIdFormat.W3C).Start();
        var trace = caller.TraceId;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/orders") { Content = Http.Json(Body(NewGuest(), "Qi", Line("Traced latte"))) };

        using var response = await _client.SendAsync(request);
        caller.Stop();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        // The server span stops after the response is sent, so it may be recorded a moment after the client has its answer.
        for (var wait = 0; wait < 50 && !spans.Any(s => s.TraceId == trace && s.Kind == ActivityKind.Server); wait++) await Task.Delay(100);
        var ours = spans.Where(s => s.TraceId == trace).ToList();
        var server = Assert.Single(ours, s => s.Kind == ActivityKind.Server);
        Assert.Equal("POST /orders", server.DisplayName);
        var transaction = Assert.Single(ours, s => s.DisplayName == "DynamoDB.TransactWriteItems");
        Assert.Equal([api.OrdersTableName, api.TableName], (string[])transaction.GetTagItem("aws.dynamodb.table_names")!);
        Assert.All(ours.Where(s => s.Source.Name == "AWSSDK.DynamoDB" && s.Kind == ActivityKind.Client), s => Assert.Equal(trace, s.TraceId));
        Assert.Contains(ours, s => s.DisplayName == "DynamoDB.BatchGetItem");
    }

    [Fact]
    public async Task The_api_counts_orders_placed_refused_by_reason_and_advanced_by_transition()
    {
        var meterFactory = api.Services.GetRequiredService<IMeterFactory>();
        var totals = new ConcurrentDictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ApiTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, meterFactory)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tag = string.Join(',', tags.ToArray().Where(t => t.Key.StartsWith("cafemenu.", StringComparison.Ordinal)).Select(t => $"{t.Value}"));
            totals.AddOrUpdate($"{instrument.Name}[{tag}]", value, (_, v) => v + value);
        });
        listener.Start();
        await _client.AddMenuItemAsync("Counted scone", "2.80");
        var guest = NewGuest();

        var (id, etag) = await _client.PlacedAsync(Body(guest, "Ru", Line("Counted scone", "1", "2.80")));
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PlaceAsync(Body(guest, "Ru", Line("Counted scone", "1", "2.00")))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PlaceAsync(Body(guest, "Ru", Line("No such thing", "1", "2.00")))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.ChangeStatusAsync(guest, id, "preparing", etag)).StatusCode);

        Assert.Equal(1, totals.GetValueOrDefault("cafemenu.api.orders.placed[]"));
        Assert.Equal(1, totals.GetValueOrDefault("cafemenu.api.orders.refused[price_changed]"));
        Assert.Equal(1, totals.GetValueOrDefault("cafemenu.api.orders.refused[unknown_product]"));
        Assert.Equal(1, totals.GetValueOrDefault("cafemenu.api.orders.advanced[placed->preparing]"));
    }
}
