using CafeMenu.Dashboard.Telemetry;
using CafeMenu.Hosting;
using Microsoft.AspNetCore.Components;

namespace CafeMenu.Dashboard.Components.Shared;

/// <summary>
/// A page that refreshes while data arrives: it watches store signals and resource changes, and re-renders at most
/// twice a second. Subscriptions end with the component (a closed browser tab leaves nothing behind).
/// </summary>
public abstract class LiveComponent : ComponentBase, IDisposable
{
    private static readonly TimeSpan RefreshDelay = TimeSpan.FromMilliseconds(500);
    private readonly CancellationTokenSource _disposed = new();
    private readonly List<IDisposable> _subscriptions = [];
    private int _pending;

    [Inject] internal TelemetryStore Store { get; set; } = null!;

    [Inject] internal IResourceService ResourceService { get; set; } = null!;

    [Inject] internal TimeProvider Time { get; set; } = null!;

    /// <summary>While true, changes are not shown (e.g. a paused console).</summary>
    protected bool Paused { get; set; }

    protected CancellationToken Disposed => _disposed.Token;

    private protected void Watch(params TelemetrySignal[] signals)
    {
        _subscriptions.Add(Store.Subscribe(signal =>
        {
            if (signals.Contains(signal)) ScheduleRefresh();
        }));
    }

    protected void WatchResources()
    {
        Action<ResourceSnapshot> handler = _ => ScheduleRefresh();
        ResourceService.ResourceChanged += handler;
        _subscriptions.Add(new Unsubscriber(() => ResourceService.ResourceChanged -= handler));
    }

    /// <summary>Re-reads the data the page shows; called on the renderer's thread.</summary>
    protected abstract void Reload();

    private void ScheduleRefresh()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 1) return;
        _ = RefreshLaterAsync();
    }

    private async Task RefreshLaterAsync()
    {
        try
        {
            await Task.Delay(RefreshDelay, Time, _disposed.Token);
            Interlocked.Exchange(ref _pending, 0);
            if (Paused) return;
            await InvokeAsync(() =>
            {
                Reload();
                StateHasChanged();
            });
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
        catch (ObjectDisposedException)
        {
            // The circuit ended between the delay and the render.
        }
    }

    public void Dispose()
    {
        _disposed.Cancel();
        foreach (var subscription in _subscriptions) subscription.Dispose();
        _subscriptions.Clear();
        _disposed.Dispose();
        GC.SuppressFinalize(this);
    }

    private sealed class Unsubscriber(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
