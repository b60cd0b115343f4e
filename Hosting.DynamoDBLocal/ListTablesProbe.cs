using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CafeMenu.Hosting.DynamoDBLocal;

/// <summary>
/// DynamoDB Local is ready when it answers ListTables: its port opens before it can serve requests, so a port check
/// would let WaitFor start clients too early.
/// </summary>
internal sealed class ListTablesProbe(DynamoDBLocalResource resource)
{
    // Lives as long as the AppHost, like the health check that uses it.
    private AmazonDynamoDBClient? _client;

    public async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        if (!resource.PrimaryEndpoint.IsAllocated)
        {
            return HealthCheckResult.Unhealthy("DynamoDB Local has no endpoint yet.");
        }

        _client ??= CreateClient(resource.PrimaryEndpoint.Url);
        try
        {
            await _client.ListTablesAsync(new ListTablesRequest { Limit = 1 }, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException or TaskCanceledException
                                  && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("DynamoDB Local does not answer ListTables yet.", e);
        }
    }

    internal static AmazonDynamoDBClient CreateClient(string serviceUrl) => new(
        new BasicAWSCredentials(DynamoDBLocalResource.DummyCredential, DynamoDBLocalResource.DummyCredential),
        new AmazonDynamoDBConfig
        {
            ServiceURL = serviceUrl,
            AuthenticationRegion = DynamoDBLocalResource.Region,
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(3),
        });
}
