using Aspire.Hosting.ApplicationModel;
using CafeMenu.Hosting.DynamoDBLocal;

namespace Aspire.Hosting;

/// <summary>dynamodb-admin beside DynamoDB Local, the way Aspire adds admin tools to databases (WithPgAdmin, WithRedisInsight).</summary>
public static class DynamoDBAdminBuilderExtensions
{
    /// <summary>
    /// Adds dynamodb-admin 5.3.3 as a child resource <c>&lt;name&gt;-admin</c> of <paramref name="builder"/>: it waits for
    /// DynamoDB Local, listens on 127.0.0.1 and shows its URL on the dashboard.
    /// </summary>
    public static IResourceBuilder<DynamoDBLocalResource> WithDynamoDBAdmin(
        this IResourceBuilder<DynamoDBLocalResource> builder, Action<IResourceBuilder<DynamoDBAdminResource>>? configure = null)
    {
        var toolFolder = Path.Combine(builder.Resource.RepositoryRoot, DynamoDBAdminResource.ToolFolder);
        var admin = new DynamoDBAdminResource($"{builder.Resource.Name}-admin", toolFolder);
        var adminBuilder = builder.ApplicationBuilder.AddResource(admin)
            .WithHttpEndpoint(name: DynamoDBAdminResource.PrimaryEndpointName)
            .WithArgs(context =>
            {
                context.Args.Add(DynamoDBAdminResource.EntryPoint);
                context.Args.Add("--host");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--port");
                context.Args.Add(admin.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--dynamo-endpoint");
                context.Args.Add(builder.Resource.PrimaryEndpoint);
            })
            .WithParentRelationship(builder)
            .WaitFor(builder)
            .WithPromptHttpHealthCheck("/")
            .WithIconName("TableSearch")
            .ExcludeFromManifest();
        builder.ApplicationBuilder.Eventing.Subscribe<BeforeResourceStartedEvent>(admin, (e, _) => CheckInstallation(admin, toolFolder, e.Services));
        configure?.Invoke(adminBuilder);
        return builder;
    }

    /// <summary>node and the restored package are there, or the admin fails to start with what to do.</summary>
    private static Task CheckInstallation(DynamoDBAdminResource admin, string toolFolder, IServiceProvider services)
    {
        if (DynamoDBLocalInstallation.FindOnPath("node", Environment.GetEnvironmentVariable("PATH") ?? "") is null)
        {
            throw StartFailure.Of(admin, services, "node was not found on PATH: dynamodb-admin needs Node.js (Debian: apt-get install nodejs npm).");
        }

        if (!File.Exists(Path.Combine(toolFolder, DynamoDBAdminResource.EntryPoint)))
        {
            throw StartFailure.Of(admin, services, $"dynamodb-admin is not installed: run 'npm ci' in {DynamoDBAdminResource.ToolFolder} (building the AppHost does it).");
        }

        return Task.CompletedTask;
    }
}
