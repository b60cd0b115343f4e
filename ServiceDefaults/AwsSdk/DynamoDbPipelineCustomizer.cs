using Amazon.DynamoDBv2;
using Amazon.Runtime.Internal;

namespace CafeMenu.ServiceDefaults.AwsSdk;

/// <summary>Adds <see cref="DynamoDbTelemetryHandler"/> to every DynamoDB client's pipeline when the client is built.</summary>
internal sealed class DynamoDbPipelineCustomizer : IRuntimePipelineCustomizer
{
    public string UniqueName => "CafeMenu.DynamoDbTelemetry";

    public void Customize(Type type, RuntimePipeline pipeline)
    {
        // Without the SDK's MetricsHandler there is no call span to enrich; never fail building a client over telemetry.
        if (!typeof(AmazonDynamoDBClient).IsAssignableFrom(type) || !pipeline.Handlers.Any(h => h.GetType() == typeof(MetricsHandler))) return;
        pipeline.AddHandlerAfter<MetricsHandler>(new DynamoDbTelemetryHandler());
    }
}
