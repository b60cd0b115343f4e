using CafeMenu.TestSupport;

namespace CafeMenu.Hosting.DynamoDBLocal.Tests;

/// <summary>What AddDynamoDBLocal, WithReference, WithDynamoDBAdmin and the reset command put into the app model.</summary>
public sealed class AppModelTests
{
    private static readonly string RepositoryRoot = DynamoDBLocalInstallation.FindRepositoryRoot();

    [Fact]
    public void DynamoDB_Local_gets_an_endpoint_on_127_0_0_1_that_Aspire_allocates_and_keeps_its_data_in_the_repository_by_default()
    {
        var dynamo = CreateBuilder().AddDynamoDBLocal("dynamodb");

        var endpoint = dynamo.Resource.Annotations.OfType<EndpointAnnotation>().Single();
        Assert.Equal(("http", "127.0.0.1", true), (endpoint.UriScheme, endpoint.TargetHost, endpoint.IsProxied));
        Assert.Equal((null, null), (endpoint.Port, endpoint.TargetPort));
        Assert.Equal(Path.Combine(RepositoryRoot, ".data", "dynamodb"), dynamo.Resource.DataPath);
        Assert.Single(dynamo.Resource.Annotations.OfType<HealthCheckAnnotation>());
    }

    [Fact]
    public void WithInMemory_and_WithDataBindMount_choose_where_the_data_lives()
    {
        var builder = CreateBuilder();

        Assert.Null(builder.AddDynamoDBLocal("a").WithInMemory().Resource.DataPath);
        Assert.Equal(Path.Combine(RepositoryRoot, "elsewhere"), builder.AddDynamoDBLocal("b").WithDataBindMount("elsewhere").Resource.DataPath);
        Assert.Null(CreateBuilder([$"--{DynamoDBLocalBuilderExtensions.InMemoryKey}=true"]).AddDynamoDBLocal("c").Resource.DataPath);
    }

    [Fact]
    public async Task WithReference_gives_the_aws_sdk_the_endpoint_region_and_local_dummy_credentials()
    {
        var builder = CreateBuilder();
        var dynamo = builder.AddDynamoDBLocal("dynamodb", port: 8123);
        var client = builder.AddExecutable("client", "true", RepositoryRoot).WithReference(dynamo);
        var endpoint = dynamo.Resource.Annotations.OfType<EndpointAnnotation>().Single();
        endpoint.AllocatedEndpoint = new AllocatedEndpoint(endpoint, "127.0.0.1", 8123);

        var environment = await EnvironmentOfAsync(client.Resource);

        Assert.Equal(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:8123",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
        }, environment);
        Assert.Contains(client.Resource.Annotations.OfType<ResourceRelationshipAnnotation>(), r => r.Resource == dynamo.Resource);
    }

    [Fact]
    public void The_admin_is_a_child_of_DynamoDB_Local_that_waits_for_it_and_the_reset_command_asks_first()
    {
        var builder = CreateBuilder();
        var loader = builder.AddExecutable("loader", "true", RepositoryRoot);
        var dynamo = builder.AddDynamoDBLocal("dynamodb").WithDynamoDBAdmin().WithTableResetCommand("reset-menu", "Reset menu", "FoodProducts", loader);

        var admin = builder.Resources.OfType<DynamoDBAdminResource>().Single();
        Assert.Equal("dynamodb-admin", admin.Name);
        Assert.Contains(admin.Annotations.OfType<ResourceRelationshipAnnotation>(), r => r.Resource == dynamo.Resource && r.Type == "Parent");
        Assert.Contains(admin.Annotations.OfType<WaitAnnotation>(), w => w.Resource == dynamo.Resource);
        var command = Assert.Single(dynamo.Resource.Annotations.OfType<ResourceCommandAnnotation>(), c => c.Name == "reset-menu");
        Assert.Equal("Reset menu", command.DisplayName);
        Assert.Contains("FoodProducts", command.ConfirmationMessage);
    }

    private static IDistributedApplicationBuilder CreateBuilder(string[]? args = null) => DistributedApplication.CreateBuilder(new DistributedApplicationOptions
    {
        Args = args ?? [],
        ProjectDirectory = Path.Combine(RepositoryRoot, "AppHost"),
        DisableDashboard = true,
    });

    /// <summary>The variables the resource's environment callbacks produce, with endpoint references resolved.</summary>
    private static async Task<Dictionary<string, string>> EnvironmentOfAsync(IResource resource)
    {
        var values = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run), values);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>()) await callback.Callback(context);

        var resolved = new Dictionary<string, string>();
        foreach (var (name, value) in values)
        {
            resolved[name] = value switch
            {
                string text => text,
                IValueProvider provider => await provider.GetValueAsync() ?? "",
                _ => value.ToString() ?? "",
            };
        }

        return resolved;
    }
}
