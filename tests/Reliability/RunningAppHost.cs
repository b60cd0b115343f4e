using System.Text.RegularExpressions;
using CafeMenu.EndToEnd;

namespace CafeMenu.Reliability;

/// <summary>The security checks share one running AppHost.</summary>
[CollectionDefinition(Name)]
public sealed class AppHostCollection : ICollectionFixture<RunningAppHost>
{
    public const string Name = "running-apphost";
}

/// <summary>One real AppHost (in memory, every resource up, dashboard on free ports) shared by the security checks.</summary>
public sealed partial class RunningAppHost : IAsyncLifetime
{
    private static readonly Dictionary<string, string> Ready = new()
    {
        ["dynamodb"] = "Running Healthy",
        ["loader"] = "Finished",
        ["api"] = "Running Healthy",
        ["web"] = "Running Healthy",
    };

    private AppHostProcess? _host;

    internal AppHostProcess Host => _host ?? throw new InvalidOperationException("not started");

    /// <summary>The dashboard's base address and login token, from the line the AppHost prints.</summary>
    public (Uri Dashboard, string Token) Login
    {
        get
        {
            var match = LoginLine().Match(Host.Output);
            Assert.True(match.Success, "the AppHost printed no dashboard login line:\n" + Host.Output);
            return (new Uri(match.Groups["base"].Value), match.Groups["token"].Value);
        }
    }

    public async Task InitializeAsync()
    {
        _host = AppHostProcess.Start(["--in-memory"]);
        await _host.WaitUntilReadyAsync(Ready, TimeSpan.FromSeconds(150));
    }

    public async Task DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
    }

    [GeneratedRegex(@"Dashboard: (?<base>http://127\.0\.0\.1:\d+)/login\?t=(?<token>\S+)")]
    private static partial Regex LoginLine();
}
