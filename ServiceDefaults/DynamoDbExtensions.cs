using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CafeMenu.ServiceDefaults.AwsSdk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Registers <see cref="IAmazonDynamoDB"/> the way the same binaries run locally and on AWS.</summary>
public static class DynamoDbExtensions
{
    /// <summary>
    /// Honours <c>AWS_ENDPOINT_URL_DYNAMODB</c> (what Aspire.Hosting.AWS injects for a local DynamoDB) and <c>AWS_REGION</c>;
    /// without them the SDK's default credential chain, region and endpoint apply, so the client talks to real DynamoDB.
    /// Timeouts and retries come from the configuration section <c>DynamoDb</c> (<see cref="DynamoDbClientOptions"/>).
    /// Every call is traced as <c>DynamoDB.&lt;Operation&gt;</c> (see <see cref="AwsSdkTelemetry"/>).
    /// </summary>
    public static TBuilder AddDynamoDb<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Before any client exists: the SDK adds the telemetry handler to a client's pipeline when it is built.
        AwsSdkTelemetry.Register();
        builder.Services.AddOptions<DynamoDbClientOptions>().BindConfiguration(DynamoDbClientOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DynamoDbClientOptions>, DynamoDbClientOptionsValidator>());
        builder.Services.TryAddSingleton<IAmazonDynamoDB>(services =>
        {
            var configuration = services.GetRequiredService<IConfiguration>();
            return CreateClient(
                configuration["AWS_ENDPOINT_URL_DYNAMODB"],
                configuration["AWS_REGION"],
                services.GetRequiredService<IOptions<DynamoDbClientOptions>>().Value,
                CredentialsFrom(configuration));
        });
        return builder;
    }

    public static AmazonDynamoDBClient CreateClient(string? endpoint, string? region) =>
        CreateClient(endpoint, region, new DynamoDbClientOptions());

    /// <summary>A client for <paramref name="endpoint"/> (or real DynamoDB when empty) with the given limits; null credentials mean the SDK's default chain.</summary>
    public static AmazonDynamoDBClient CreateClient(string? endpoint, string? region, DynamoDbClientOptions options, AWSCredentials? credentials = null)
    {
        AwsSdkTelemetry.Register();
        var config = new AmazonDynamoDBConfig
        {
            Timeout = options.Timeout,
            ConnectTimeout = options.ConnectTimeout,
            MaxErrorRetry = options.MaxErrorRetry,
        };
        if (!string.IsNullOrWhiteSpace(region))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(region);
        }

        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = string.IsNullOrWhiteSpace(region) ? "us-east-1" : region;
        }

        return credentials is null ? new AmazonDynamoDBClient(config) : new AmazonDynamoDBClient(credentials, config);
    }

    /// <summary>
    /// Keys given through configuration rather than the process environment (tests, user secrets) are seen too;
    /// when there are none the SDK's default chain (environment, profile, instance role) applies.
    /// </summary>
    private static AWSCredentials? CredentialsFrom(IConfiguration configuration)
    {
        var accessKey = configuration["AWS_ACCESS_KEY_ID"];
        var secretKey = configuration["AWS_SECRET_ACCESS_KEY"];
        if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey)) return null;
        var sessionToken = configuration["AWS_SESSION_TOKEN"];
        return string.IsNullOrEmpty(sessionToken)
            ? new BasicAWSCredentials(accessKey, secretKey)
            : new SessionAWSCredentials(accessKey, secretKey, sessionToken);
    }

    private sealed class DynamoDbClientOptionsValidator : IValidateOptions<DynamoDbClientOptions>
    {
        public ValidateOptionsResult Validate(string? name, DynamoDbClientOptions options)
        {
            var problems = options.Problems().ToList();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
