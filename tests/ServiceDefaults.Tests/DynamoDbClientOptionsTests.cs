using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CafeMenu.TestSupport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CafeMenu.ServiceDefaults.Tests;

public sealed class DynamoDbClientOptionsTests(ITestOutputHelper output)
{
    private static Dictionary<string, string> Local(int port, params (string Key, string Value)[] more)
    {
        var configuration = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = $"http://127.0.0.1:{port}",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "local",
            ["AWS_SECRET_ACCESS_KEY"] = "local",
        };
        foreach (var (key, value) in more) configuration[key] = value;
        return configuration;
    }

    [Fact]
    public async Task Limits_come_from_the_DynamoDb_section()
    {
        await using var host = await TelemetryTestHost.StartAsync(Local(
            FreePort.Next(), ("DynamoDb:Timeout", "00:00:03"), ("DynamoDb:ConnectTimeout", "00:00:01"), ("DynamoDb:MaxErrorRetry", "0")));

        var config = (ClientConfig)host.DynamoDb.Config;
        Assert.Equal(TimeSpan.FromSeconds(3), config.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(1), config.ConnectTimeout);
        Assert.Equal(0, config.MaxErrorRetry);
        Assert.StartsWith("http://127.0.0.1:", config.ServiceURL, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_DynamoDb_section_the_limits_are_seconds_not_minutes()
    {
        await using var host = await TelemetryTestHost.StartAsync(Local(FreePort.Next()));

        var config = (ClientConfig)host.DynamoDb.Config;
        Assert.Equal(TimeSpan.FromSeconds(10), config.Timeout);
        Assert.Equal(TimeSpan.FromSeconds(2), config.ConnectTimeout);
        Assert.Equal(3, config.MaxErrorRetry);
    }

    [Fact]
    public async Task A_timeout_written_as_a_bare_number_is_refused_at_start_with_the_key_and_a_hint()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TelemetryTestHost.StartAsync(Local(FreePort.Next(), ("DynamoDb:Timeout", "5"), ("DynamoDb:MaxErrorRetry", "50"))));

        Assert.Contains("DynamoDb:Timeout must be between", failure.Message, StringComparison.Ordinal);
        Assert.Contains("(was 5.00:00:00)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("\"00:00:05\"", failure.Message, StringComparison.Ordinal);
        Assert.Contains("DynamoDb:MaxErrorRetry must be between 0 and 10 (was 50)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dynamodb_that_is_not_listening_fails_within_seconds()
    {
        await using var host = await TelemetryTestHost.StartAsync(Local(FreePort.Next()));

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<Exception>(() => host.DynamoDb.ListTablesAsync());

        output.WriteLine($"refused connection failed after {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_dynamodb_that_never_answers_fails_after_the_configured_timeout_as_an_error_span()
    {
        // Accepts connections (the kernel completes the handshake) and never answers: a hung server.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var port = ((IPEndPoint)silent.LocalEndpoint).Port;
        await using var host = await TelemetryTestHost.StartAsync(Local(port, ("DynamoDb:Timeout", "00:00:01"), ("DynamoDb:MaxErrorRetry", "1")));

        var clock = Stopwatch.StartNew();
        Activity outer;
        using (outer = TelemetryTestHost.TestSource.StartActivity("test")!)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => host.DynamoDb.ListTablesAsync());
        }

        output.WriteLine($"silent server failed after {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6));
        var call = host.SpansOf(outer.TraceId).Single("DynamoDB.ListTables");
        Assert.Equal(ActivityStatusCode.Error, call.Status);
        // At least one retry happens (MaxErrorRetry 1), and the elapsed-time bound above is what a user relies on. The
        // exact count is not asserted: on a loaded machine the SDK was seen making a third and, once, a fourth 1 s attempt
        // under the one DynamoDB.ListTables span (cause not found); Limits_come_from_the_DynamoDb_section checks that
        // MaxErrorRetry reaches the client.
        var attempts = host.SpansOf(outer.TraceId).Where(s => s.DisplayName == "HttpRequest").ToList();
        Assert.True(attempts.Count >= 2, $"{attempts.Count} HTTP attempts; spans of the trace:\n" + string.Join('\n',
            host.SpansOf(outer.TraceId).Select(s => $"{s.StartTimeUtc:HH:mm:ss.fff} +{s.Duration.TotalMilliseconds:F0} ms {s.Source.Name} {s.DisplayName} "
                + $"parent {s.ParentSpanId} status {s.Status} {string.Join(", ", s.TagObjects.Select(t => $"{t.Key}={t.Value}"))}")));
    }
}
