using System.Diagnostics;
using Amazon.Runtime;
using Amazon.Runtime.Telemetry;
using Amazon.Runtime.Telemetry.Tracing;

namespace CafeMenu.ServiceDefaults.AwsSdk;

/// <summary>An SDK span backed by an <see cref="Activity"/> (null when nobody samples it: then every call is a no-op).</summary>
internal sealed class ActivityTraceSpan : TraceSpan
{
    /// <summary>
    /// Custom property on the call's activity holding an exception that is an expected outcome (a failed condition):
    /// the DynamoDB handler records it as an event, so this span must not turn it into an error.
    /// </summary>
    internal const string ExpectedOutcomeProperty = "CafeMenu.AwsSdk.ExpectedOutcome";

    private readonly Activity? _activity;

    public ActivityTraceSpan(string name, Activity? activity)
    {
        Name = name;
        _activity = activity;
    }

    public override void EmitEvent(string name, Attributes? attributes = null) =>
        _activity?.AddEvent(new ActivityEvent(name, tags: new ActivityTagsCollection(SdkAttributes.ToTags(attributes))));

    public override void SetAttribute(string key, object? value)
    {
        // The SDK copies exception.type/message/stacktrace onto the span after RecordException; the exception
        // event already carries them, and a stack trace as a span attribute only bloats every failed call.
        if (_activity is null || key.StartsWith("exception.", StringComparison.Ordinal)) return;
        _activity.SetTag(SdkAttributes.CurrentName(key), value);
    }

    public override void SetStatus(SpanStatus status) => _activity?.SetStatus(status switch
    {
        SpanStatus.OK => ActivityStatusCode.Ok,
        SpanStatus.ERROR => ActivityStatusCode.Error,
        _ => ActivityStatusCode.Unset,
    });

    public override void RecordException(Exception exception, Attributes? attributes = null)
    {
        if (_activity is null || ReferenceEquals(_activity.GetCustomProperty(ExpectedOutcomeProperty), exception)) return;

        var tags = new TagList();
        foreach (var tag in SdkAttributes.ToTags(attributes)) tags.Add(tag);
        _activity.AddException(exception, tags);
        var errorType = (exception as AmazonServiceException)?.ErrorCode is { Length: > 0 } code ? code : exception.GetType().FullName;
        _activity.SetTag("error.type", errorType);
        _activity.SetStatus(ActivityStatusCode.Error, errorType);
    }

    public override void End() => _activity?.Stop();

    // The SDK ends its spans by disposing them (using blocks), not by calling End.
    protected override void Dispose(bool disposing)
    {
        if (disposing) End();
    }
}
