namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Client limits for DynamoDB (configuration section <c>DynamoDb</c>), chosen so that a DynamoDB that is down or hangs
/// gives an error within seconds instead of the SDK defaults (no connect timeout, 100 s per attempt).
/// </summary>
public sealed class DynamoDbClientOptions
{
    public const string SectionName = "DynamoDb";

    /// <summary>Longest wait for one HTTP attempt's response (<c>DynamoDb:Timeout</c>, e.g. "00:00:10").</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest wait to open a connection (<c>DynamoDb:ConnectTimeout</c>).</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries after the first attempt, with the SDK's backoff (<c>DynamoDb:MaxErrorRetry</c>).</summary>
    public int MaxErrorRetry { get; set; } = 3;

    internal const int MaxRetriesAllowed = 10;

    internal static readonly TimeSpan LongestTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Precise problems with these values, empty when they are usable.</summary>
    internal IEnumerable<string> Problems()
    {
        foreach (var (name, value) in new[] { (nameof(Timeout), Timeout), (nameof(ConnectTimeout), ConnectTimeout) })
        {
            if (value <= TimeSpan.Zero || value > LongestTimeout)
            {
                // A bare number binds as days ("5" is 5.00:00:00), hence the hint.
                yield return $"{SectionName}:{name} must be between 00:00:00 and {LongestTimeout} (was {value}); write seconds as \"00:00:05\".";
            }
        }

        if (MaxErrorRetry is < 0 or > MaxRetriesAllowed) yield return $"{SectionName}:MaxErrorRetry must be between 0 and {MaxRetriesAllowed} (was {MaxErrorRetry}).";
    }
}
