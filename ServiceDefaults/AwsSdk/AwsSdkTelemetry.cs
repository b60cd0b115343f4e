using Amazon;
using Amazon.Runtime.Internal;

namespace CafeMenu.ServiceDefaults.AwsSdk;

/// <summary>
/// Bridges the AWS SDK v4 telemetry hooks (<c>Amazon.Runtime.Telemetry</c>) to <see cref="System.Diagnostics.ActivitySource"/>
/// and <see cref="System.Diagnostics.Metrics.Meter"/>, so OpenTelemetry exports the SDK's spans and metrics with the rest,
/// and enriches every DynamoDB call span with the DynamoDB attributes of the OpenTelemetry semantic conventions.
/// Hand-written: OpenTelemetry.Instrumentation.AWS is not served here (and it leaves out batch and transaction tables).
/// </summary>
public static class AwsSdkTelemetry
{
    /// <summary>The SDK names its tracers and meters <c>AWSSDK.&lt;ServiceId&gt;</c>, e.g. <c>AWSSDK.DynamoDB</c>.</summary>
    public const string SourceNamePattern = "AWSSDK.*";

    internal const string DynamoDbSourceName = "AWSSDK.DynamoDB";

    /// <summary>Our own DynamoDB metrics (consumed capacity), beside the SDK's.</summary>
    internal const string DynamoDbMeterName = "CafeMenu.DynamoDb";

    /// <summary>The SDK stamps every HTTP attempt it sends with this header.</summary>
    private const string InvocationIdHeader = "amz-sdk-invocation-id";

    private static readonly Lock Gate = new();
    private static bool _registered;

    /// <summary>
    /// Registers the bridge once per process. Call it before the first AWS client is created: the SDK applies
    /// pipeline customizations when a client is constructed (<c>AddServiceDefaults</c> and <c>AddDynamoDb</c> call it).
    /// </summary>
    public static void Register()
    {
        lock (Gate)
        {
            if (_registered) return;
            AWSConfigs.TelemetryProvider.RegisterTracerProvider(new ActivitySourceTracerProvider());
            AWSConfigs.TelemetryProvider.RegisterMeterProvider(new DiagnosticsMeterProvider());
            RuntimePipelineCustomizerRegistry.Instance.Register(new DynamoDbPipelineCustomizer());
            _registered = true;
        }
    }

    /// <summary>
    /// True for an HTTP request the AWS SDK sends itself. Its call span and <c>HttpRequest</c> span already cover it,
    /// so the HttpClient instrumentation leaves it out instead of adding a duplicate HTTP client span.
    /// </summary>
    public static bool IsSdkHttpRequest(HttpRequestMessage request) => request.Headers.Contains(InvocationIdHeader);
}
