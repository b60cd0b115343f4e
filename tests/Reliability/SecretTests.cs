using System.Net;
using CafeMenu.EndToEnd;

namespace CafeMenu.Reliability;

/// <summary>The dashboard's login token and OTLP API key stay out of every console output and resource detail of a real AppHost.</summary>
[Collection(AppHostCollection.Name)]
public sealed class SecretTests(RunningAppHost appHost)
{
    private static readonly string[] Resources = ["dynamodb", "loader", "api", "web"];

    [Fact]
    public async Task The_token_and_api_key_appear_in_no_console_output_and_no_resource_details()
    {
        var (dashboard, token) = appHost.Login;
        var apiKey = OtlpApiKey();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = dashboard };
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/login?t={token}")).StatusCode);

        var details = await client.GetStringAsync("/api/resources");
        foreach (var name in Resources) Assert.Contains($"\"{name}\"", details, StringComparison.Ordinal);
        Assert.DoesNotContain(token, details, StringComparison.Ordinal);
        Assert.DoesNotContain(apiKey, details, StringComparison.Ordinal);

        foreach (var resource in Resources)
        {
            var console = await client.GetStringAsync($"/api/console/{resource}");
            Assert.DoesNotContain(token, console, StringComparison.Ordinal);
            Assert.DoesNotContain(apiKey, console, StringComparison.Ordinal);
        }

        // The AppHost's own console shows the token once, in the login line it exists to print, and never the key.
        var output = appHost.Host.Output + "\n" + appHost.Host.ErrorOutput;
        Assert.Single(output.Split('\n'), line => line.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(apiKey, output, StringComparison.Ordinal);
    }

    /// <summary>The key as the Api really received it, read from its process environment.</summary>
    private string OtlpApiKey()
    {
        const string Prefix = "OTEL_EXPORTER_OTLP_HEADERS=x-otlp-api-key=";
        foreach (var (pid, commandLine) in appHost.Host.MarkedProcesses())
        {
            if (!commandLine.Contains("CafeMenu.Api.dll", StringComparison.Ordinal)) continue;
            var entry = File.ReadAllText($"/proc/{pid}/environ").Split('\0').SingleOrDefault(e => e.StartsWith(Prefix, StringComparison.Ordinal));
            Assert.NotNull(entry);
            var key = entry[Prefix.Length..];
            Assert.True(key.Length >= 16, $"an API key of {key.Length} characters");
            return key;
        }

        throw new Xunit.Sdk.XunitException("no Api process found under the AppHost");
    }
}
