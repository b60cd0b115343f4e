namespace CafeMenu.Loader.Writing;

/// <summary>Capped exponential back-off with jitter for unprocessed items, throttling and transient errors.</summary>
internal sealed record RetrySettings
{
    public int MaxRetryAttempts { get; init; } = 10;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(50);
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);
}
