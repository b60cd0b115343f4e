using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CafeMenu.Dashboard.Tests;

public sealed class SecurityTests : IAsyncLifetime
{
    private DashboardTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DashboardTestHost.StartAsync(new FakeResourceService(FakeResourceService.Project("api", 5001)));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Every_listener_binds_to_127_0_0_1_only()
    {
        foreach (var port in new[] { _host.Options.Port, _host.Options.OtlpGrpcPort, _host.Options.OtlpHttpPort })
        {
            using (var loopback = new TcpClient())
            {
                await loopback.ConnectAsync(IPAddress.Loopback, port);
            }

            // 127.0.0.2 reaches this machine too, but only a listener on 0.0.0.0 (or that address) would accept it.
            using var other = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => other.ConnectAsync(IPAddress.Parse("127.0.0.2"), port));
        }
    }

    [Fact]
    public async Task The_token_and_api_key_never_reach_the_logs()
    {
        using (var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }))
        {
            (await http.GetAsync(_host.LoginUrl)).Dispose();
            (await http.GetAsync($"{_host.UiUrl}/login?t=wrong-{_host.Options.BrowserToken}")).Dispose();
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{_host.OtlpHttpUrl}/v1/traces")
            {
                Content = new StringContent(OtlpJsonSamples.Traces, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("x-otlp-api-key", _host.Options.OtlpApiKey);
            (await http.SendAsync(request)).Dispose();
            (await http.PostAsync($"{_host.OtlpHttpUrl}/v1/traces", new StringContent("{}", Encoding.UTF8, "application/json"))).Dispose();
        }

        var messages = _host.Logs.Messages.ToList();
        Assert.Contains(messages, m => m.Contains("Dashboard listening on"));
        Assert.DoesNotContain(messages, m => m.Contains(_host.Options.BrowserToken, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(messages, m => m.Contains(_host.Options.OtlpApiKey, StringComparison.OrdinalIgnoreCase));
    }
}
