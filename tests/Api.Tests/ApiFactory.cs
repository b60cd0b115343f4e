using CafeMenu.Menu;
using CafeMenu.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CafeMenu.Api.Tests;

/// <summary>All Api tests share one DynamoDB Local; each test class gets its own Api on real Kestrel and its own table.</summary>
[CollectionDefinition(Name)]
public sealed class DynamoDbCollection : ICollectionFixture<DynamoDbLocalFixture>
{
    public const string Name = "dynamodb";
}

/// <summary>The real Api (Program.cs) on Kestrel at a free loopback port, pointed at DynamoDB Local with a fresh table.</summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dynamoUrl;
    private readonly bool _createTable;

    public ApiFactory(DynamoDbLocalFixture dynamo) : this(dynamo.ServiceUrl, createTable: true)
    {
        Dynamo = dynamo;
        // The tests of behaviour share two loaded cores with other test projects: a slow call must not become a 503.
        // The fault tests (internal constructor) keep the Api's own short limits from appsettings.json.
        DynamoDbTimeout = TimeSpan.FromSeconds(15);
    }

    /// <summary>An Api for a DynamoDB endpoint the test controls (which may be down).</summary>
    internal ApiFactory(string dynamoUrl, bool createTable)
    {
        _dynamoUrl = dynamoUrl;
        _createTable = createTable;
        // Real Kestrel, not the in-memory TestServer: request size limits, headers and concurrency behave as in production.
        UseKestrel(0);
    }

    public DynamoDbLocalFixture? Dynamo { get; }

    /// <summary>Overrides DynamoDb:Timeout when set.</summary>
    public TimeSpan? DynamoDbTimeout { get; init; }

    public string TableName { get; init; } = DynamoDbLocalFixture.UniqueTableName("api");

    public string OrdersTableName { get; init; } = DynamoDbLocalFixture.UniqueTableName("orders");

    /// <summary>Further configuration for one test (for example Orders:UnpaidExpiry).</summary>
    internal IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Service replacements for one test (for example a recording DynamoDB client).</summary>
    internal Action<IServiceCollection>? TestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("AWS_ENDPOINT_URL_DYNAMODB", _dynamoUrl);
        builder.UseSetting("AWS_REGION", "us-east-1");
        builder.UseSetting("Menu:TableName", TableName);
        builder.UseSetting("Orders:TableName", OrdersTableName);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (DynamoDbTimeout is { } timeout) builder.UseSetting("DynamoDb:Timeout", timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture));
        if (TestServices is not null) builder.ConfigureTestServices(TestServices);
    }

    public async Task InitializeAsync()
    {
        // What the AppHost's WithReference(dynamo) gives: local-only dummy credentials, read by the SDK from the environment.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "local");
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "local");
        if (_createTable && Dynamo is not null)
        {
            using var client = Dynamo.CreateClient();
            await TableSetup.EnsureMenuTableAsync(client, TableName);
            await OrdersTableSetup.EnsureAsync(client, OrdersTableName);
        }

        StartServer();
    }

    public new Task DisposeAsync() => base.DisposeAsync().AsTask();
}
