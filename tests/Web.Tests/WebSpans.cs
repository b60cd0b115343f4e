using System.Diagnostics;
using CafeMenu.Web.Telemetry;

namespace CafeMenu.Web.Tests;

/// <summary>Records every span the Web's own ActivitySource starts while it is alive (sampled and recorded).</summary>
internal sealed class WebSpans : IDisposable
{
    private readonly ActivityListener _listener;

    public WebSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == WebTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = Started.Add,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public List<Activity> Started { get; } = [];

    public void Dispose() => _listener.Dispose();
}
