using Amazon;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Configuration;

namespace CafeMenu.Loader;

/// <summary>
/// The Loader's DynamoDB client: the same endpoint and region settings as ServiceDefaults' AddDynamoDb, but with the SDK's own
/// retries switched off, so every throttle and unprocessed batch reaches the Loader's retry pipeline and adaptive concurrency
/// (the SDK would otherwise hide throttles behind its own multi-second back-off). Registered before AddDynamoDb, whose
/// TryAdd then keeps it; the SDK's global telemetry hooks apply to it as to any client.
/// </summary>
internal static class LoaderDynamoClient
{
    public static IAmazonDynamoDB Create(IConfiguration configuration)
    {
        // ServiceDefaults.CreateClient returns a client whose retry count can no longer be changed, hence this config.
        var config = new AmazonDynamoDBConfig { MaxErrorRetry = 0 };
        var region = configuration["AWS_REGION"];
        var endpoint = configuration["AWS_ENDPOINT_URL_DYNAMODB"];
        if (!string.IsNullOrWhiteSpace(region)) config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(region) ? "us-east-1" : region;
        }

        return new AmazonDynamoDBClient(config);
    }
}
