using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// A loopback HTTP proxy in front of DynamoDB Local that misbehaves the way DynamoDB does under load: it answers every
/// <paramref name="throttleEvery"/>-th call with ProvisionedThroughputExceededException, and of every BatchWriteItem it
/// forwards only part of the items and returns the rest (<paramref name="unprocessedShare"/>) as UnprocessedItems.
/// Writes can also be made slow (<see cref="StallWritesUntil"/>), refused (<see cref="RefuseWritesAfter"/>), or applied with
/// their answer lost (<see cref="LoseAnswerEvery"/>) or cut short (<see cref="GarbleAnswerEvery"/>), and one item can be made
/// to fail every request that holds it (<see cref="FailWritesContaining"/>, <see cref="RewriteInWrites"/>).
/// </summary>
internal sealed class FaultInjectingProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _client = new();
    private readonly Uri _target;
    private readonly int _throttleEvery;
    private readonly double _unprocessedShare;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _calls;
    private int _writeCalls;
    private int _scanCalls;

    public FaultInjectingProxy(string target, int port, int throttleEvery, double unprocessedShare)
    {
        _target = new Uri(target);
        _throttleEvery = throttleEvery;
        _unprocessedShare = unprocessedShare;
        Url = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Url + "/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public string Url { get; }

    /// <summary>A proxy that passes everything on until a test sets one of its faults.</summary>
    public static FaultInjectingProxy PassingThrough(string target) => new(target, CafeMenu.TestSupport.FreePort.Next(), throttleEvery: int.MaxValue, unprocessedShare: 0);

    /// <summary>Until then, every write waits this long before it is forwarded (longer than the client's timeout).</summary>
    public (DateTime Until, TimeSpan Delay) StallWritesUntil { get; set; }

    /// <summary>After this many write calls, every write is answered 500 without reaching DynamoDB.</summary>
    public int RefuseWritesAfter { get; set; } = int.MaxValue;

    /// <summary>Every n-th write is applied by DynamoDB but answered 500, as when a connection breaks after the request.</summary>
    public int LoseAnswerEvery { get; set; }

    /// <summary>Every n-th write is applied by DynamoDB but answered 200 with a body cut short, as when a connection drops mid-answer.</summary>
    public int GarbleAnswerEvery { get; set; }

    /// <summary>Every write whose body holds this text is answered 500 without reaching DynamoDB, however often it is sent.</summary>
    public string? FailWritesContaining { get; set; }

    /// <summary>In every write, this text is replaced before DynamoDB sees it: a way to send DynamoDB what the Loader's validator refuses.</summary>
    public (string From, string To)? RewriteInWrites { get; set; }

    /// <summary>Scans 1, 1 + n, 1 + 2n... are answered 500 without reaching DynamoDB (0: none).</summary>
    public int FailScansEvery { get; set; }

    public int ScansFailed;
    public int Throttled;
    public int FailedForContent;
    public int Refused;
    public int AnswersLost;
    public int AnswersGarbled;
    public int Stalled;
    public int ItemsReturnedUnprocessed;
    public int BatchCalls;

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var target = context.Request.Headers["X-Amz-Target"] ?? "";
            var call = Interlocked.Increment(ref _calls);
            var isWrite = target.EndsWith(".BatchWriteItem", StringComparison.Ordinal) || target.EndsWith(".PutItem", StringComparison.Ordinal)
                || target.EndsWith(".TransactWriteItems", StringComparison.Ordinal);
            var writeCall = isWrite ? Interlocked.Increment(ref _writeCalls) : 0;
            if (target.EndsWith(".Scan", StringComparison.Ordinal) && FailScansEvery > 0 && Interlocked.Increment(ref _scanCalls) % FailScansEvery == 1 % FailScansEvery)
            {
                Interlocked.Increment(ref ScansFailed);
                await RespondAsync(context, 500, """{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Injected scan failure"}""");
                return;
            }

            if (isWrite && StallWritesUntil.Until > DateTime.UtcNow)
            {
                Interlocked.Increment(ref Stalled);
                await Task.Delay(StallWritesUntil.Delay);
            }

            if (isWrite && writeCall > RefuseWritesAfter)
            {
                Interlocked.Increment(ref Refused);
                await RespondAsync(context, 500, """{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Injected refusal"}""");
                return;
            }

            if (isWrite && FailWritesContaining is { } marker && body.Contains(marker, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref FailedForContent);
                await RespondAsync(context, 500, """{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Injected failure for the marked item"}""");
                return;
            }

            if (isWrite && RewriteInWrites is var (from, to)) body = body.Replace(from, to, StringComparison.Ordinal);

            if (isWrite && call % _throttleEvery == 0)
            {
                Interlocked.Increment(ref Throttled);
                await RespondAsync(context, 400, """{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"Injected throttling"}""");
                return;
            }

            JsonObject? withheld = null;
            if (target.EndsWith(".BatchWriteItem", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref BatchCalls);
                (body, withheld) = Withhold(body);
            }

            using var forward = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new StringContent(body, Encoding.UTF8) };
            forward.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-amz-json-1.0");
            foreach (var header in new[] { "X-Amz-Target", "X-Amz-Date", "Authorization", "X-Amz-Security-Token" })
            {
                if (context.Request.Headers[header] is { } value) forward.Headers.TryAddWithoutValidation(header, value);
            }

            using var response = await _client.SendAsync(forward);
            var answer = await response.Content.ReadAsStringAsync();
            if (withheld is not null && response.IsSuccessStatusCode)
            {
                var json = JsonNode.Parse(answer)!.AsObject();
                json["UnprocessedItems"] = withheld; // DynamoDB Local processed everything it was sent
                answer = json.ToJsonString();
            }

            if (isWrite && LoseAnswerEvery > 0 && writeCall % LoseAnswerEvery == 0 && response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref AnswersLost);
                await RespondAsync(context, 500, """{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Injected lost answer"}""");
                return;
            }

            if (isWrite && GarbleAnswerEvery > 0 && writeCall % GarbleAnswerEvery == 0 && response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref AnswersGarbled);
                await RespondAsync(context, 200, answer[..(answer.Length / 2)]);
                return;
            }

            // The SDK checks x-amz-crc32 when present; the body may have changed, so it is not passed on.
            await RespondAsync(context, (int)response.StatusCode, answer);
        }
        catch (Exception)
        {
            try
            {
                context.Response.StatusCode = 500;
                context.Response.Close();
            }
            catch (Exception)
            {
                // The client is gone.
            }
        }
    }

    /// <summary>Keeps back the last share of each table's requests and returns them as UnprocessedItems.</summary>
    private (string Body, JsonObject? Withheld) Withhold(string body)
    {
        var request = JsonNode.Parse(body)!.AsObject();
        var items = request["RequestItems"]!.AsObject();
        var withheld = new JsonObject();
        foreach (var (table, node) in items.ToList())
        {
            var writes = node!.AsArray();
            var keep = writes.Count - (int)Math.Floor(writes.Count * _unprocessedShare);
            var back = new JsonArray();
            while (writes.Count > keep)
            {
                var last = writes[^1]!;
                writes.RemoveAt(writes.Count - 1);
                back.Insert(0, last);
            }

            if (back.Count > 0)
            {
                Interlocked.Add(ref ItemsReturnedUnprocessed, back.Count);
                withheld[table] = back;
            }

            if (writes.Count == 0) items.Remove(table);
        }

        return (request.ToJsonString(), withheld.Count > 0 ? withheld : null);
    }

    private static async Task RespondAsync(HttpListenerContext context, int status, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/x-amz-json-1.0";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        _listener.Close();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // Stopped.
        }

        _client.Dispose();
        _stop.Dispose();
    }
}
