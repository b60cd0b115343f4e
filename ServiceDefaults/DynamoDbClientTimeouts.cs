using Amazon.DynamoDBv2;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Optional client limits from configuration section <c>DynamoDb</c> (<c>TimeoutSeconds</c>, <c>MaxErrorRetry</c>), so a
/// service that must fail fast (the Api answers 503 when DynamoDB is down) never waits for the SDK's long defaults.
/// Keys that are absent leave the SDK's defaults in place.
/// </summary>
public sealed record DynamoDbClientTimeouts(TimeSpan? Timeout, int? MaxErrorRetry)
{
    public const string SectionName = "DynamoDb";

    public static DynamoDbClientTimeouts From(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        var seconds = section.GetValue<double?>("TimeoutSeconds");
        return new(seconds is > 0 ? TimeSpan.FromSeconds(seconds.Value) : null, section.GetValue<int?>("MaxErrorRetry"));
    }

    public void ApplyTo(AmazonDynamoDBConfig config)
    {
        if (Timeout is { } timeout)
        {
            // Timeout bounds each HTTP attempt; ConnectTimeout makes a closed or unreachable port fail at once too.
            config.Timeout = timeout;
            config.ConnectTimeout = timeout;
        }

        if (MaxErrorRetry is { } retries)
        {
            config.MaxErrorRetry = retries;
        }
    }
}
