using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace CafeMenu.Hosting.DynamoDbLocal;

/// <summary>DynamoDB Local is ready when it answers ListTables (its port opens before it can serve requests).</summary>
internal sealed class ListTablesProbe(string serviceUrl, string region) : IReadinessProbe
{
    private readonly AmazonDynamoDBClient _client = new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig
        {
            ServiceURL = serviceUrl,
            AuthenticationRegion = region,
            MaxErrorRetry = 0,
            Timeout = TimeSpan.FromSeconds(3),
        });

    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _client.ListTablesAsync(new ListTablesRequest { Limit = 1 }, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException or TaskCanceledException
                                  && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _client.Dispose();
}
