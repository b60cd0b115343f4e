using Microsoft.Extensions.DependencyInjection;

namespace CafeMenu.EndToEnd;

/// <summary>The dashboard's login token and OTLP API key reach the children that need them and none of their consoles.</summary>
[Collection(CafeAppCollection.Name)]
public sealed class SecretTests(CafeAppFixture cafe)
{
    private static readonly string[] Children = ["dynamodb", "dynamodb-admin", "loader", "orders-loader", "api", "web"];

    [Fact]
    public async Task The_login_token_and_otlp_api_key_appear_in_no_console_output_of_any_resource()
    {
        Assert.True(cafe.BrowserToken.Length >= 16, $"a login token of {cafe.BrowserToken.Length} characters");
        Assert.True(cafe.OtlpApiKey.Length >= 16, $"an OTLP API key of {cafe.OtlpApiKey.Length} characters");
        // The key is really handed to the services: a console that never saw it proves nothing.
        // The pid the orchestrator reports for the resource ("executable.pid", not a public constant in this Aspire).
        var api = await cafe.WaitForAsync("api", s => s.Properties.Any(p => p.Name == "executable.pid"), TimeSpan.FromSeconds(30));
        var pid = api.Properties.Single(p => p.Name == "executable.pid").Value;
        var environment = (await File.ReadAllTextAsync($"/proc/{pid}/environ")).Split('\0');
        Assert.Contains(environment, e => e.StartsWith("OTEL_EXPORTER_OTLP_HEADERS=", StringComparison.Ordinal) && e.Contains(cafe.OtlpApiKey, StringComparison.Ordinal));

        var logs = cafe.App.Services.GetRequiredService<ResourceLoggerService>();
        foreach (var name in Children)
        {
            var lines = await ConsoleLinesAsync(logs, cafe.Resource(name));
            Assert.True(lines.Count > 0, $"{name} wrote nothing to its console");
            Assert.DoesNotContain(lines, l => l.Contains(cafe.BrowserToken, StringComparison.Ordinal));
            Assert.DoesNotContain(lines, l => l.Contains(cafe.OtlpApiKey, StringComparison.Ordinal));
        }
    }

    /// <summary>What the resource wrote so far: the backlog the logger service replays to a new watcher.</summary>
    private static async Task<List<string>> ConsoleLinesAsync(ResourceLoggerService logs, IResource resource)
    {
        var lines = new List<string>();
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await foreach (var batch in logs.WatchAsync(resource).WithCancellation(quiet.Token))
            {
                lines.AddRange(batch.Select(l => l.Content));
            }
        }
        catch (OperationCanceledException)
        {
            // The watch never ends by itself; three seconds is long enough to receive the backlog.
        }

        return lines;
    }
}
