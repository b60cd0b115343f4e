using CafeMenu.TestSupport;

namespace CafeMenu.Reliability;

/// <summary>Every TCP listener of a running AppHost and of everything it started binds the loopback address only.</summary>
[Collection(AppHostProcessCollection.Name)]
public sealed class ListenerTests : IAsyncLifetime
{
    private AppHostProcess? _host;

    private AppHostProcess Host => _host ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _host = AppHostProcess.Start();
        await _host.WaitUntilReadyAsync(["dynamodb", "dynamodb-admin", "api", "web"], TimeSpan.FromSeconds(120));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    [Fact]
    public void Every_listener_of_the_apphost_and_its_children_binds_loopback_only()
    {
        var listeners = ListenersOf(Host);

        var dynamo = listeners.Where(l => l.Process.Contains("DynamoDBLocal.jar", StringComparison.Ordinal)).ToList();
        var dotnet = listeners.Except(dynamo).ToList();
        // The dashboard's UI and OTLP ports, the orchestrator's API and proxies, the Api, the Web and the admin.
        Assert.True(dotnet.Count >= 5, $"found only {dotnet.Count} .NET listeners:\n{string.Join('\n', listeners)}");
        // DynamoDB Local has no bind-address option: the AppHost starts it through tools/dynamodb-local's launcher.
        Assert.True(dynamo.Count == 1, $"expected DynamoDB Local's one listener, found {dynamo.Count}:\n{string.Join('\n', listeners)}");
        // Clients reach it through the orchestrator's proxy on the port Aspire allocated, itself on loopback (checked below).
        Assert.Contains(listeners, l => l.Listener.Port == new Uri(Host.Url("dynamodb")).Port);

        var open = listeners.Where(l => !l.Listener.IsLoopbackOnly).ToList();
        Assert.True(open.Count == 0, "listeners beyond loopback:\n" + string.Join('\n', open));
    }

    /// <summary>Besides listening on loopback only, DynamoDB Local refuses browser calls of other origins and sends no telemetry.</summary>
    [Fact]
    public async Task DynamoDB_Local_refuses_browser_calls_from_other_origins_and_sends_no_telemetry()
    {
        var dynamo = Host.MarkedProcesses().Single(p => p.CommandLine.Contains("DynamoDBLocal.jar", StringComparison.Ordinal));
        Assert.Contains("-disableTelemetry", dynamo.CommandLine, StringComparison.Ordinal);

        using var http = new HttpClient();
        foreach (var (origin, allowed) in new[] { ("http://evil.example", false), (Hosting.DynamoDBLocal.DynamoDBLocalInstallation.LoopbackOrigin, true) })
        {
            using var preflight = new HttpRequestMessage(HttpMethod.Options, Host.Url("dynamodb"));
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "POST");
            using var response = await http.SendAsync(preflight);
            Assert.Equal(allowed, response.Headers.Contains("Access-Control-Allow-Origin"));
        }
    }

    /// <summary>The listeners of the AppHost's whole process tree, each with the command line of a process holding it.</summary>
    private static List<(ListeningSockets.Listener Listener, string Process)> ListenersOf(AppHostProcess host)
    {
        var sockets = host.MarkedProcesses().SelectMany(p => ListeningSockets.SocketInodes(p.Pid).Select(inode => (inode, p.CommandLine)))
            .GroupBy(s => s.inode).ToDictionary(g => g.Key, g => g.First().CommandLine);
        return ListeningSockets.All()
            .Where(l => sockets.ContainsKey(l.Inode))
            .Select(l => (l, sockets[l.Inode]))
            .ToList();
    }
}
