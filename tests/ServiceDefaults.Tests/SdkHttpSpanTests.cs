using System.Diagnostics;
using CafeMenu.TestSupport;

namespace CafeMenu.ServiceDefaults.Tests;

[Collection(DynamoDbLocalCollection.Name)]
public sealed class SdkHttpSpanTests(DynamoDbLocalFixture dynamo)
{
    [Fact]
    public async Task The_sdks_own_http_requests_make_no_http_client_span_while_other_http_calls_still_do()
    {
        await using var host = await TelemetryTestHost.StartAsync(dynamo.Environment);
        using var http = new HttpClient();

        Activity outer;
        using (outer = TelemetryTestHost.TestSource.StartActivity("test")!)
        {
            await host.DynamoDb.ListTablesAsync();
            // An ordinary HttpClient call to the same server: the instrumentation must still see this one.
            using var response = await http.GetAsync($"{dynamo.ServiceUrl}/not-an-sdk-call");
        }

        var spans = host.SpansOf(outer.TraceId);
        var call = spans.Single("DynamoDB.ListTables");
        Assert.Equal(call.SpanId, spans.Single("HttpRequest").ParentSpanId);
        var httpClientSpans = spans.Where(s => s.Kind == ActivityKind.Client && s.Source.Name != "AWSSDK.DynamoDB").ToList();
        var control = Assert.Single(httpClientSpans);
        Assert.Equal(outer.SpanId, control.ParentSpanId);
        Assert.EndsWith("/not-an-sdk-call", Assert.IsType<string>(control.Tag("url.full")), StringComparison.Ordinal);
    }
}
