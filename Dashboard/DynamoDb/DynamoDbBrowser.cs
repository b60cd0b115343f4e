using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CafeMenu.Hosting;

namespace CafeMenu.Dashboard.DynamoDb;

/// <summary>Reads the DynamoDB Local resource's tables and items for the DynamoDB page.</summary>
internal sealed class DynamoDbBrowser(IResourceService resources) : IDisposable
{
    public const string ResourceType = "DynamoDBLocal";
    private readonly ConcurrentDictionary<string, AmazonDynamoDBClient> _clients = new(StringComparer.Ordinal);

    /// <summary>The DynamoDB Local resources that are running, with their endpoint.</summary>
    public IReadOnlyList<(ResourceSnapshot Resource, string Endpoint)> FindInstances() =>
        resources.GetResources()
            .Where(r => r.ResourceType == ResourceType && r.Endpoints.Count > 0)
            .Select(r => (r, r.Endpoints[0].Url))
            .ToList();

    public async Task<IReadOnlyList<TableDescription>> DescribeTablesAsync(string endpoint, CancellationToken cancellationToken)
    {
        var client = ClientFor(endpoint);
        var names = new List<string>();
        string? start = null;
        do
        {
            var page = await client.ListTablesAsync(new ListTablesRequest { ExclusiveStartTableName = start }, cancellationToken);
            names.AddRange(page.TableNames ?? []);
            start = page.LastEvaluatedTableName;
        }
        while (start is not null);

        var tables = new List<TableDescription>();
        foreach (var name in names)
        {
            tables.Add((await client.DescribeTableAsync(name, cancellationToken)).Table);
        }

        return tables;
    }

    /// <summary>One page of a table or index scan; pass the previous page's LastEvaluatedKey to continue.</summary>
    public async Task<ScanResponse> ScanPageAsync(
        string endpoint, string table, string? index, Dictionary<string, AttributeValue>? startKey, int pageSize, CancellationToken cancellationToken)
    {
        var request = new ScanRequest
        {
            TableName = table,
            IndexName = string.IsNullOrEmpty(index) ? null : index,
            Limit = pageSize,
            ExclusiveStartKey = startKey is { Count: > 0 } ? startKey : null,
        };
        return await ClientFor(endpoint).ScanAsync(request, cancellationToken);
    }

    private AmazonDynamoDBClient ClientFor(string endpoint) => _clients.GetOrAdd(endpoint, url => new AmazonDynamoDBClient(
        // DynamoDB Local accepts any credentials; these are the same local-only dummies the AppHost gives the services.
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = url, AuthenticationRegion = "us-east-1", MaxErrorRetry = 1, Timeout = TimeSpan.FromSeconds(10) }));

    public void Dispose()
    {
        foreach (var client in _clients.Values) client.Dispose();
    }
}
