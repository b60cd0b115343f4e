using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CafeMenu.Hosting;

/// <summary>The running AppHost, as in Aspire: <c>DistributedApplication.CreateBuilder(args)</c> ... <c>Build().Run()</c>.</summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly IHost _host;

    internal DistributedApplication(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static DistributedApplicationBuilder CreateBuilder(string[] args) => new(args, repositoryRoot: null);

    internal static DistributedApplicationBuilder CreateBuilder(string[] args, string repositoryRoot) => new(args, repositoryRoot);

    /// <summary>
    /// Runs until Ctrl+C or SIGTERM. A problem the user must fix (a missing tool, a data folder or port in use) is one
    /// line on stderr and exit code 1, without a stack trace.
    /// </summary>
    public void Run()
    {
        try
        {
            // Checked before the host starts, so nothing (dashboard included) runs when a prerequisite is missing.
            _host.Services.GetRequiredService<Orchestrator>().Prepare();
            _host.Run();
        }
        catch (Exception e) when (UserErrors.Describe(e) is { } message)
        {
            Console.Error.WriteLine($"{ConsoleReporter.Prefix} {message}");
            Environment.ExitCode = 1;
        }
    }

    /// <inheritdoc cref="Run"/>
    public async Task RunAsync(CancellationToken cancellationToken = default) =>
        Environment.ExitCode = await RunCoreAsync(Console.Error, cancellationToken) is var code && code != 0 ? code : Environment.ExitCode;

    /// <summary>Runs and returns the exit code, writing a user error to <paramref name="error"/>.</summary>
    internal async Task<int> RunCoreAsync(TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            _host.Services.GetRequiredService<Orchestrator>().Prepare();
            await _host.RunAsync(cancellationToken);
            return 0;
        }
        catch (Exception e) when (UserErrors.Describe(e) is { } message)
        {
            await error.WriteLineAsync($"{ConsoleReporter.Prefix} {message}");
            return 1;
        }
    }

    /// <summary>Starts the host and the resources without waiting for shutdown (tests).</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        _host.Services.GetRequiredService<Orchestrator>().Prepare();
        await _host.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken = default) => _host.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync();
        else _host.Dispose();
    }
}
