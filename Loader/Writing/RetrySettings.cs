namespace CafeMenu.Loader.Writing;

/// <summary>
/// Capped exponential back-off with jitter for unprocessed items, throttling and transient errors. A write is retried for
/// as long as DynamoDB keeps accepting other writes; the load gives up only when DynamoDB has accepted none for
/// <see cref="GiveUpAfter"/>, so a slow or busy DynamoDB is waited for and a dead one is not.
/// </summary>
/// <remarks>Settable, not init-only: the configuration binder's source generator, on in every build since the project publishes
/// Native AOT, skips init-only properties without a warning.</remarks>
internal sealed record RetrySettings
{
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Server errors in a row after which a request is split rather than sent whole again (<see cref="FailureIsolation"/>):
    /// enough that a passing outage or a lost answer rarely splits a request, few enough that a bad item costs seconds.
    /// </summary>
    public int SplitAfterServerErrors { get; set; } = 5;
}
