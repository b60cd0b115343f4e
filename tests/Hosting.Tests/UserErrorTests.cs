using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CafeMenu.Hosting.Tests;

public sealed class UserErrorTests
{
    [Fact]
    public async Task A_port_already_taken_is_one_clear_line_and_exit_code_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var builder = TestApp.CreateBuilder();
        // Stands for the dashboard's listener, which starts before the orchestrator.
        builder.Services.AddHostedService(_ => new ListenerService(port));
        builder.AddScript("never", ".", "touch should-not-run");
        await using var app = builder.Build();
        var error = new StringWriter();
        var resources = app.Resources();

        var exitCode = await app.RunCoreAsync(error, CancellationToken.None).WaitAsync(TestApp.Timeout);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("[apphost] ", line);
        Assert.Contains("Another AppHost may be running", line);
        Assert.Equal(ResourceState.NotStarted, resources.Get("never").State);
    }

    [Fact]
    public async Task A_missing_project_build_is_one_clear_line_and_exit_code_1()
    {
        var builder = TestApp.CreateBuilder();
        builder.AddProject("api", new FakeProject("/nowhere/api", "/nowhere/api/bin/CafeMenu.Api.dll", true));
        await using var app = builder.Build();
        var error = new StringWriter();

        var exitCode = await app.RunCoreAsync(error, CancellationToken.None).WaitAsync(TestApp.Timeout);

        Assert.Equal(1, exitCode);
        Assert.Equal("[apphost] api: /nowhere/api/bin/CafeMenu.Api.dll does not exist; build the AppHost first (dotnet build AppHost), it builds every project.\n", error.ToString());
    }

    [Fact]
    public void A_bug_is_not_mistaken_for_a_user_error() => Assert.Null(UserErrors.Describe(new InvalidOperationException("bug")));

    private sealed class ListenerService(int port) : IHostedService
    {
        private TcpListener? _listener;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _listener?.Stop();
            return Task.CompletedTask;
        }
    }
}
