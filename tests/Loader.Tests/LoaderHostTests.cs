using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// The Loader's host has the basic service defaults (telemetry, health checks) and the DynamoDB client, but not the
/// outgoing-HTTP defaults the Api and Web get: the Loader creates no HttpClient, and the AWS SDK builds its own.
/// </summary>
[Collection(DynamoCollection.Name)]
public class LoaderHostTests(DynamoDbLocalFixture dynamo)
{
    /// <summary>Named under "CafeMenu.*", which the defaults trace: the outer span that tells this test's calls apart.</summary>
    private static readonly ActivitySource TestSource = new("CafeMenu.Loader.Tests.Host");

    /// <summary>Where IHttpClientFactory, the standard resilience handler and service discovery come from.</summary>
    private static readonly string[] OutgoingHttpAssemblies =
    [
        "Microsoft.Extensions.Http",
        "Microsoft.Extensions.Http.Resilience",
        "Microsoft.Extensions.Resilience",
        "Microsoft.Extensions.ServiceDiscovery",
        "Microsoft.Extensions.ServiceDiscovery.Abstractions",
    ];

    [Fact]
    public void The_loader_host_registers_no_http_client_factory_resilience_or_service_discovery()
    {
        // With an OTLP endpoint, as under the AppHost, so the exporter's registrations are among those checked.
        var services = LoaderHost.CreateBuilder(Settings("http://127.0.0.1:4317")).Services;

        var outgoingHttp = services
            .Where(d => TypesOf(d).Any(t => OutgoingHttpAssemblies.Contains(t.Assembly.GetName().Name)))
            .Select(d => d.ServiceType.ToString())
            .Distinct()
            .ToList();

        Assert.True(outgoingHttp.Count == 0, "registered for outgoing HTTP:\n" + string.Join("\n", outgoingHttp));
        Assert.Contains(services, d => d.ServiceType == typeof(IAmazonDynamoDB));
    }

    [Fact]
    public async Task The_loader_host_traces_its_dynamodb_calls_with_the_loaders_client_settings()
    {
        var builder = LoaderHost.CreateBuilder(Settings(otlpEndpoint: ""));
        var spans = new List<Activity>();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(new Collector(spans)));
        using var host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<IAmazonDynamoDB>();

        ActivityTraceId traceId;
        using (var outer = TestSource.StartActivity("list tables"))
        {
            Assert.NotNull(outer); // the host's tracer provider samples "CafeMenu.*"
            traceId = outer.TraceId;
            await client.ListTablesAsync(new ListTablesRequest { Limit = 1 });
        }

        await host.StopAsync();
        List<Activity> trace;
        lock (spans) trace = spans.Where(s => s.TraceId == traceId).ToList();
        var call = Assert.Single(trace, s => s.DisplayName == "DynamoDB.ListTables");
        Assert.Equal("aws.dynamodb", call.GetTagItem("db.system.name"));
        Assert.Equal(dynamo.Port, call.GetTagItem("server.port"));
        Assert.Equal(0, client.Config.MaxErrorRetry); // the Loader retries itself
    }

    private Dictionary<string, string?> Settings(string otlpEndpoint)
    {
        var settings = dynamo.Environment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint;
        return settings;
    }

    /// <summary>A service type with its generic arguments: IConfigureOptions&lt;HttpClientFactoryOptions&gt; counts as the factory's.</summary>
    private static IEnumerable<Type> TypesOf(ServiceDescriptor descriptor) =>
        [descriptor.ServiceType, .. descriptor.ServiceType.IsGenericType ? descriptor.ServiceType.GetGenericArguments() : []];

    /// <summary>Keeps every span the host's tracer provider ends.</summary>
    private sealed class Collector(List<Activity> spans) : BaseProcessor<Activity>
    {
        public override void OnEnd(Activity data)
        {
            lock (spans) spans.Add(data);
        }
    }
}
