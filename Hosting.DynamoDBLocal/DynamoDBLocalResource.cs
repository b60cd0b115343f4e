using Aspire.Hosting.ApplicationModel;

namespace CafeMenu.Hosting.DynamoDBLocal;

/// <summary>Amazon's DynamoDB Local, run with java from the npm package pinned in tools/dynamodb-local; no container.</summary>
public sealed class DynamoDBLocalResource(string name, string repositoryRoot)
    : ExecutableResource(name, "java", repositoryRoot)
{
    public const string PrimaryEndpointName = "http";

    /// <summary>The region clients sign for; DynamoDB Local runs with -sharedDb, so every region sees the same tables.</summary>
    public const string Region = "us-east-1";

    /// <summary>Local-only dummies: DynamoDB Local checks that credentials are present, not what they are.</summary>
    internal const string DummyCredential = "local";

    private EndpointReference? _primaryEndpoint;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);

    /// <summary>The folder given to -dbPath; null runs with -inMemory.</summary>
    public string? DataPath { get; internal set; }

    /// <summary>Where tools/ lies: the jar, its launcher and the admin's node package are found below it.</summary>
    internal string RepositoryRoot { get; } = repositoryRoot;

    /// <summary>Found when the resource starts (<see cref="DynamoDBLocalInstallation.Locate"/>).</summary>
    internal DynamoDBLocalInstallation Installation
    {
        get => field ?? throw new InvalidOperationException($"DynamoDB Local '{Name}' was not prepared to start.");
        set;
    }

    /// <summary>Held while DynamoDB Local runs on <see cref="DataPath"/>, for the life of the AppHost.</summary>
    internal DataFolderLock? DataFolderLock { get; set; }
}
