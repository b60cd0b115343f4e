using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CafeMenu.EndToEnd;

[CollectionDefinition(Name)]
public sealed class CafeAppCollection : ICollectionFixture<CafeAppFixture>
{
    public const string Name = "cafe-app";
}

/// <summary>
/// The real AppHost, in memory, started once for the end-to-end tests the way Aspire's documentation writes them, with
/// the dashboard on so that children get the OTLP exporter settings and the API key a user's run gives them.
/// </summary>
public sealed class CafeAppFixture : IAsyncLifetime
{
    public static readonly string[] HealthyResources = ["dynamodb", "dynamodb-admin", "api", "web"];

    /// <summary>The resources that run once and finish: the menu's loader and the seed orders' loader (no one waits for the latter).</summary>
    public static readonly string[] Loaders = ["loader", "orders-loader"];

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The AppHost did not start.");

    /// <summary>The dashboard's secrets as the AppHost generated them for this run.</summary>
    public string BrowserToken { get; private set; } = "";

    public string OtlpApiKey { get; private set; } = "";

    /// <summary>The key of the dashboard's telemetry API (<c>/api/telemetry</c>).</summary>
    public string DashboardApiKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            ["--in-memory"], (options, _) => options.DisableDashboard = false, timeout.Token);
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());
        _app = await builder.BuildAsync(timeout.Token);
        BrowserToken = builder.Configuration["AppHost:BrowserToken"] ?? "";
        OtlpApiKey = builder.Configuration["AppHost:OtlpApiKey"] ?? "";
        DashboardApiKey = builder.Configuration["AppHost:DashboardApiKey"] ?? "";
        await _app.StartAsync(timeout.Token);
        foreach (var name in HealthyResources)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(name, timeout.Token);
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    /// <summary>The run of <paramref name="name"/> once it ended (Finished or Exited), within a bound.</summary>
    public Task<CustomResourceSnapshot> WaitForEndAsync(string name, TimeSpan timeout) =>
        WaitForAsync(name, s => s.State?.Text is { } state && KnownResourceStates.TerminalStates.Contains(state), timeout);

    public IResource Resource(string name) =>
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);

    /// <summary>The first snapshot of <paramref name="name"/> that satisfies <paramref name="predicate"/>, within a bound.</summary>
    public async Task<CustomResourceSnapshot> WaitForAsync(string name, Func<CustomResourceSnapshot, bool> predicate, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var e = await App.ResourceNotifications.WaitForResourceAsync(name, e => predicate(e.Snapshot), cancel.Token);
        return e.Snapshot;
    }
}
