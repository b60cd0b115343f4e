
using CafeMenu.TestSupport;

namespace CafeMenu.Hosting.DynamoDBLocal.Tests;

/// <summary>
/// DynamoDB Local has no bind-address option and listens on every interface by itself: started with the arguments the
/// AppHost gives it (through tools/dynamodb-local's launcher), the kernel shows it listening on 127.0.0.1 only.
/// </summary>
public sealed class DynamoDbLocalLoopbackTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task DynamoDB_Local_listens_on_127_0_0_1_only_and_answers(bool persisted)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var dynamo = persisted ? DynamoDbLocalFixture.OnPort(FreePort.Next(), _folder.Path) : new DynamoDbLocalFixture();
        try
        {
            await dynamo.InitializeAsync().WaitAsync(timeout.Token);

            var listeners = ListeningSockets.OfProcess(dynamo.ProcessId);
            var listener = Assert.Single(listeners);
            Assert.Equal(dynamo.Port, listener.Port);
            Assert.True(listener.IsLoopbackOnly, $"DynamoDB Local listens on {listener}");

            using var client = dynamo.CreateClient();
            var tables = await client.ListTablesAsync(timeout.Token);
            Assert.Empty(tables.TableNames);
            if (persisted)
            {
                // -dbPath and -sharedDb reached DynamoDB Local through the launcher: its one shared database is in the folder.
                Assert.True(File.Exists(_folder.File("shared-local-instance.db")), string.Join(", ", Directory.GetFiles(_folder.Path)));
            }
        }
        finally
        {
            await dynamo.DisposeAsync();
        }
    }

    [Fact]
    public void The_command_line_runs_the_launcher_with_the_jar_on_the_class_path_and_DynamoDB_Locals_own_options()
    {
        var installation = DynamoDBLocalInstallation.Locate(DynamoDBLocalInstallation.FindRepositoryRoot());

        var arguments = installation.Arguments(8000, dbPath: null).Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)!).ToList();

        var classPath = arguments[arguments.ToList().IndexOf("-cp") + 1].Split(Path.PathSeparator);
        Assert.Equal([installation.LauncherDirectory, installation.JarPath], classPath);
        Assert.True(File.Exists(Path.Combine(installation.LauncherDirectory, DynamoDBLocalInstallation.LauncherClass + ".class")));
        Assert.Equal(
            [DynamoDBLocalInstallation.LauncherClass, "-sharedDb", "-port", "8000", "-cors", DynamoDBLocalInstallation.LoopbackOrigin, "-disableTelemetry", "-inMemory"],
            arguments.SkipWhile(a => a != DynamoDBLocalInstallation.LauncherClass));
    }
}
