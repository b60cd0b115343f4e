using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CafeMenu.Menu;
using CafeMenu.TestSupport;
using static CafeMenu.Api.Tests.Http;

namespace CafeMenu.Api.Tests;

/// <summary>DynamoDB down: 503 with Retry-After within seconds, never a hang or a 500, and recovery once it is back.</summary>
public sealed class UnavailableTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_closed_port_gives_503_with_retry_after_within_seconds()
    {
        await using var api = new ApiFactory($"http://127.0.0.1:{FreePort.Next()}", createTable: false);
        await api.InitializeAsync();
        using var client = api.CreateClient();
        client.Timeout = Bound;

        foreach (var request in new Func<Task<HttpResponseMessage>>[]
                 {
                     () => client.GetAsync("/menu"),
                     () => client.GetAsync("/menu/specials"),
                     () => client.PostAsync("/menu", Json(Item("Tea"))),
                 })
        {
            var watch = Stopwatch.StartNew();
            var response = await request();
            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        }
    }

    [Fact]
    public async Task A_dynamodb_that_accepts_but_never_answers_gives_503_within_the_client_timeout()
    {
        // A listener that takes connections and never replies: what a hung or paused DynamoDB looks like to a client.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) held.Add(await silent.AcceptTcpClientAsync(stop.Token));
        });
        try
        {
            await using var api = new ApiFactory($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}", createTable: false);
            await api.InitializeAsync();
            using var client = api.CreateClient();
            client.Timeout = TimeSpan.FromSeconds(30);

            var watch = Stopwatch.StartNew();
            var response = await client.GetAsync("/menu");

            await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(response.Headers.RetryAfter);
            // appsettings.json: 2 s per attempt, 2 retries.
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(12), $"took {watch.Elapsed}");
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAny(accepting, Task.Delay(1000));
            foreach (var connection in held) connection.Dispose();
        }
    }

    [Fact]
    public async Task DynamoDB_stopped_gives_503_and_the_api_recovers_when_it_returns()
    {
        var port = FreePort.Next();
        var dynamo = DynamoDbLocalFixture.OnPort(port);
        await dynamo.InitializeAsync();
        await using var api = new ApiFactory(dynamo.ServiceUrl, createTable: false);
        try
        {
            using (var setup = dynamo.CreateClient()) await TableSetup.EnsureMenuTableAsync(setup, api.TableName);
            await api.InitializeAsync();
            using var client = api.CreateClient();
            client.Timeout = Bound;
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsync("/menu", Json(Item("Before")))).StatusCode);

            await dynamo.DisposeAsync();
            var watch = Stopwatch.StartNew();
            var down = await client.GetAsync("/menu/Before");
            await down.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
            Assert.NotNull(down.Headers.RetryAfter);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");

            // Back on the same port (in memory, so the table is created anew, as the Loader would).
            dynamo = await RestartOnAsync(port);
            using (var setup = dynamo.CreateClient()) await TableSetup.EnsureMenuTableAsync(setup, api.TableName);
            var deadline = Stopwatch.StartNew();
            HttpStatusCode status;
            do
            {
                status = (await client.PostAsync("/menu", Json(Item("After")))).StatusCode;
            }
            while (status == HttpStatusCode.ServiceUnavailable && deadline.Elapsed < Bound && await Delay());

            // A 503 whose write reached DynamoDB just before the client gave up makes the next attempt a 409: recovered too.
            Assert.True(status is HttpStatusCode.Created or HttpStatusCode.Conflict, $"after DynamoDB returned: {status}");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/menu/After")).StatusCode);
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), $"recovered after {deadline.Elapsed}");
        }
        finally
        {
            await dynamo.DisposeAsync();
        }
    }

    /// <summary>The killed JVM may hold the port for a moment; try a few times, bounded.</summary>
    private static async Task<DynamoDbLocalFixture> RestartOnAsync(int port)
    {
        for (var attempt = 1; ; attempt++)
        {
            var dynamo = DynamoDbLocalFixture.OnPort(port);
            try
            {
                await dynamo.InitializeAsync();
                return dynamo;
            }
            catch (Exception) when (attempt < 3)
            {
                await dynamo.DisposeAsync();
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }
}
