using Aspire.Hosting.ApplicationModel;

namespace CafeMenu.Hosting.DynamoDBLocal;

/// <summary>dynamodb-admin, a web page that browses DynamoDB Local's tables, run with node from the npm package pinned in tools/dynamodb-admin.</summary>
public sealed class DynamoDBAdminResource(string name, string workingDirectory)
    : ExecutableResource(name, "node", workingDirectory)
{
    public const string PrimaryEndpointName = "http";

    /// <summary>The npm package's folder below the repository root.</summary>
    public const string ToolFolder = "tools/dynamodb-admin";

    /// <summary>The package's command-line entry point, relative to <see cref="ToolFolder"/>.</summary>
    internal const string EntryPoint = "node_modules/dynamodb-admin/dist/dynamodb-admin.js";

    private EndpointReference? _primaryEndpoint;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);
}
