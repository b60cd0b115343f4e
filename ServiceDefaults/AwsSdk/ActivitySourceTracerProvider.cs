using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.Runtime.Telemetry;
using Amazon.Runtime.Telemetry.Tracing;

namespace CafeMenu.ServiceDefaults.AwsSdk;

/// <summary>The SDK's tracer provider, one <see cref="ActivitySource"/> per scope (<c>AWSSDK.DynamoDB</c>, ...).</summary>
internal sealed class ActivitySourceTracerProvider : TracerProvider
{
    private readonly ConcurrentDictionary<string, ActivitySourceTracer> _tracers = new(StringComparer.Ordinal);

    public override Tracer GetTracer(string scope) =>
        _tracers.GetOrAdd(scope, static name => new ActivitySourceTracer(new ActivitySource(name)));
}

internal sealed class ActivitySourceTracer(ActivitySource source) : Tracer
{
    public override TraceSpan CreateSpan(
        string name,
        Attributes? initialAttributes = null,
        SpanKind spanKind = SpanKind.INTERNAL,
        SpanContext? parentContext = null)
    {
        // Tags go in at start so that samplers see them; with the default parent context the span joins Activity.Current.
        var activity = source.StartActivity(
            name,
            ToActivityKind(spanKind),
            ToActivityContext(parentContext),
            SdkAttributes.ToTags(initialAttributes));
        return new ActivityTraceSpan(name, activity);
    }

    private static ActivityKind ToActivityKind(SpanKind kind) => kind switch
    {
        SpanKind.CLIENT => ActivityKind.Client,
        SpanKind.SERVER => ActivityKind.Server,
        SpanKind.PRODUCER => ActivityKind.Producer,
        SpanKind.CONSUMER => ActivityKind.Consumer,
        _ => ActivityKind.Internal,
    };

    private static ActivityContext ToActivityContext(SpanContext? parent)
    {
        if (parent is not { IsValid: true } || parent.TraceId is not { Length: 32 } traceId || parent.SpanId is not { Length: 16 } spanId)
        {
            return default;
        }

        return new ActivityContext(
            ActivityTraceId.CreateFromString(traceId),
            ActivitySpanId.CreateFromString(spanId),
            ActivityTraceFlags.Recorded,
            isRemote: parent.IsRemote);
    }
}
