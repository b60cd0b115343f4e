using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CafeMenu.Hosting.DynamoDBLocal;
using Xunit;

namespace CafeMenu.TestSupport;

/// <summary>One real, in-memory DynamoDB Local per test run (share it with a collection fixture); each test class takes a fresh table name.</summary>
public sealed class DynamoDbLocalFixture : IAsyncLifetime
{
    private readonly int? _requestedPort;
    private readonly string? _dbPath;
    private Process? _process;

    public DynamoDbLocalFixture()
    {
    }

    private DynamoDbLocalFixture(int port, string? dbPath)
    {
        _requestedPort = port;
        _dbPath = dbPath;
    }

    /// <summary>
    /// A DynamoDB Local on a chosen port, so a fault test can stop it and start a new one where clients still point;
    /// with <paramref name="dbPath"/> it persists there (-dbPath), so a new one started on the folder finds the data again.
    /// </summary>
    /// <remarks>A factory rather than a second public constructor: xunit requires fixtures to have exactly one.</remarks>
    public static DynamoDbLocalFixture OnPort(int port, string? dbPath = null) => new(port, dbPath);

    public string ServiceUrl { get; private set; } = "";

    public int Port { get; private set; }

    /// <summary>The java process, to inspect what it really does (its sockets in /proc); only while it runs.</summary>
    public int ProcessId => _process?.Id ?? throw new InvalidOperationException("DynamoDB Local is not running.");

    public async Task InitializeAsync()
    {
        var installation = DynamoDBLocalInstallation.Locate(DynamoDBLocalInstallation.FindRepositoryRoot());
        Port = _requestedPort ?? FreePort.Next();
        ServiceUrl = $"http://127.0.0.1:{Port}";
        var start = new ProcessStartInfo(installation.JavaPath)
        {
            WorkingDirectory = installation.JarDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in installation.Arguments(Port, _dbPath)) start.ArgumentList.Add(Convert.ToString(argument, System.Globalization.CultureInfo.InvariantCulture)!);
        _process = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var client = CreateClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await client.ListTablesAsync();
                return;
            }
            catch (Exception) when (deadline.Elapsed < TimeSpan.FromSeconds(180) && !_process.HasExited)
            {
                await Task.Delay(100);
            }
            catch (Exception)
            {
                // Never leave a java behind that did not become ready: a caller may not dispose a fixture whose start failed.
                await DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>A client for this DynamoDB Local with dummy local-only credentials and few retries, so faults show quickly.</summary>
    public AmazonDynamoDBClient CreateClient() => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = ServiceUrl, AuthenticationRegion = "us-east-1", MaxErrorRetry = 2 });

    /// <summary>The environment variables the AppHost would give a process that references this DynamoDB Local.</summary>
    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL_DYNAMODB"] = ServiceUrl,
        ["AWS_REGION"] = "us-east-1",
        ["AWS_ACCESS_KEY_ID"] = "local",
        ["AWS_SECRET_ACCESS_KEY"] = "local",
    };

    public static string UniqueTableName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 255)];

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        // Idempotent: a fault test kills DynamoDB Local mid-run and disposes it again on the way out.
        _process?.Dispose();
        _process = null;
        return Task.CompletedTask;
    }
}
