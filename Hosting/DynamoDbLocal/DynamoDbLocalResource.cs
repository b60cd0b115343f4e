namespace CafeMenu.Hosting.DynamoDbLocal;

/// <summary>Amazon's DynamoDB Local, run with java from the npm package pinned in tools/dynamodb-local.</summary>
public sealed class DynamoDbLocalResource : Resource, IResourceWithReferenceEnvironment
{
    internal const string Region = "us-east-1";

    private DynamoDbLocalInstallation? _installation;
    private DataFolderLock? _lock;

    internal DynamoDbLocalResource(string name) : base(name)
    {
    }

    /// <summary>The folder given to -dbPath; null runs with -inMemory.</summary>
    internal string? DataPath { get; set; }

    internal override string ResourceType => "DynamoDBLocal";

    internal override bool HasHttpEndpoint => true;

    internal override void Prepare(RunContext context)
    {
        try
        {
            _installation = DynamoDbLocalInstallation.Locate(context.RepositoryRoot);
        }
        catch (DynamoDbLocalMissingException e)
        {
            throw new DistributedApplicationException(e.Message);
        }

        if (DataPath is not null)
        {
            _lock = DataFolderLock.Acquire(DataPath);
        }
    }

    internal override void Release()
    {
        _lock?.Dispose();
        _lock = null;
    }

    internal override LaunchSpec CreateLaunch(RunContext context)
    {
        var installation = _installation ?? throw new InvalidOperationException($"Resource '{Name}' was not prepared.");
        var port = Port ?? throw new InvalidOperationException($"Resource '{Name}' has no allocated port.");
        return new LaunchSpec(
            installation.JavaPath,
            [.. installation.Arguments(port, DataPath), .. ExtraArguments],
            // DynamoDB Local finds its native libraries relative to the jar's folder.
            installation.JarDirectory,
            BuildEnvironment(context),
            [new ResourceEndpoint("http", HttpUrl)]);
    }

    internal override IReadinessProbe CreateProbe() => new ListTablesProbe(HttpUrl, Region);

    IEnumerable<KeyValuePair<string, string>> IResourceWithReferenceEnvironment.GetReferenceEnvironment() =>
    [
        new("AWS_ENDPOINT_URL_DYNAMODB", HttpUrl),
        new("AWS_REGION", Region),
        // Local-only dummies: DynamoDB Local checks that credentials are present, not what they are.
        new("AWS_ACCESS_KEY_ID", "local"),
        new("AWS_SECRET_ACCESS_KEY", "local"),
    ];
}
