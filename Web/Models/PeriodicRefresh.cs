namespace CafeMenu.Web.Models;

/// <summary>
/// Runs a page's refresh on a timer for as long as the page is open, so what it shows changes without reloading. Ticks never
/// overlap (the next waits for the last), a tick that returns false ends it, and a tick that fails hands the exception to
/// the page (Blazor's error UI) rather than losing it on a background thread.
/// </summary>
internal sealed class PeriodicRefresh : IDisposable
{
    private readonly PeriodicTimer _timer;
    private readonly CancellationTokenSource _stop;

    private PeriodicRefresh(TimeSpan interval, CancellationToken pageClosed)
    {
        _timer = new PeriodicTimer(interval);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(pageClosed);
    }

    /// <param name="tick">Refreshes once (on the page's dispatcher, via InvokeAsync); returns whether to keep going.</param>
    /// <param name="failed">The page's DispatchExceptionAsync.</param>
    public static PeriodicRefresh Start(TimeSpan interval, Func<CancellationToken, Task<bool>> tick, Func<Exception, Task> failed, CancellationToken pageClosed)
    {
        var refresh = new PeriodicRefresh(interval, pageClosed);
        _ = refresh.RunAsync(tick, failed);
        return refresh;
    }

    private async Task RunAsync(Func<CancellationToken, Task<bool>> tick, Func<Exception, Task> failed)
    {
        var token = _stop.Token;
        try
        {
            while (await _timer.WaitForNextTickAsync(token) && await tick(token))
            {
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The page closed.
        }
        catch (Exception ex)
        {
            await failed(ex);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _timer.Dispose();
    }
}
