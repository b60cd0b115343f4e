using System.Net;

namespace CafeMenu.Dashboard.Tests;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task Limits_are_read_from_the_dashboard_limits_section()
    {
        await using var host = await DashboardTestHost.StartAsync(new FakeResourceService(), new Dictionary<string, string?>
        {
            ["Dashboard:Limits:MaxLogRecords"] = "2",
            ["Dashboard:Limits:MaxConsoleLinesPerResource"] = "1",
        });

        Assert.Equal(2, host.Store.Limits.MaxLogRecords);
        Assert.Equal(1, host.Store.Limits.MaxConsoleLinesPerResource);
        Assert.Equal(10_000, host.Store.Limits.MaxTraces);

        host.Resources.WriteConsole("api", "first");
        host.Resources.WriteConsole("api", "second");
        Assert.Equal("second", Assert.Single(host.Store.GetConsoleLines("api")).Text);
    }

    [Fact]
    public async Task A_disabled_dashboard_does_not_listen()
    {
        var resources = new FakeResourceService();
        await using var host = await DashboardTestHost.StartAsync(resources, enabled: false);

        using var http = new HttpClient();
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(host.UiUrl + "/login"));
    }
}
