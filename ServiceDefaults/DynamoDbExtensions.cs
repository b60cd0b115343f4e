using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers <see cref="IAmazonDynamoDB"/> the way the same binaries run locally and on AWS.</summary>
public static class DynamoDbExtensions
{
    /// <summary>
    /// Honours <c>AWS_ENDPOINT_URL_DYNAMODB</c> (what Aspire.Hosting.AWS injects for a local DynamoDB) and <c>AWS_REGION</c>;
    /// without them the SDK's default credential chain, region and endpoint apply, so the client talks to real DynamoDB.
    /// </summary>
    public static TBuilder AddDynamoDb<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.TryAddSingleton<IAmazonDynamoDB>(_ => CreateClient(
            builder.Configuration["AWS_ENDPOINT_URL_DYNAMODB"], builder.Configuration["AWS_REGION"], DynamoDbClientTimeouts.From(builder.Configuration)));
        return builder;
    }

    public static AmazonDynamoDBClient CreateClient(string? endpoint, string? region, DynamoDbClientTimeouts? timeouts = null)
    {
        var config = new AmazonDynamoDBConfig();
        timeouts?.ApplyTo(config);
        if (!string.IsNullOrWhiteSpace(region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(region) ? "us-east-1" : region;
        }

        return new AmazonDynamoDBClient(config);
    }
}
