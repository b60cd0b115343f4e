// The Api read loop of bench/loader-budget/run.sh: GET /menu/{product_name} on one connection at a steady pace, as the
// café's pages read the menu, timing each answer. Paced rather than as fast as it can: a loop flat out would itself take
// a core of the two that the Api, DynamoDB Local and the Loader share, and measure its own queue.
// Usage: <api-base-url> <seconds> <requests-per-second>
// Prints one line: requests p50_ms p90_ms p99_ms errors
using System.Diagnostics;
using System.Globalization;

var inv = CultureInfo.InvariantCulture;
if (args.Length != 3 || !Uri.TryCreate(args[0], UriKind.Absolute, out var api)
    || !double.TryParse(args[1], inv, out var seconds) || seconds <= 0 || !double.TryParse(args[2], inv, out var rate) || rate <= 0)
{
    Console.Error.WriteLine("usage: <api-base-url> <seconds> <requests-per-second>");
    return 2;
}

// The items bench/load/Ceiling seeds: "Latte" and "Item 01" to "Item 39".
string[] names = ["Latte", .. Enumerable.Range(1, 39).Select(i => $"Item {i:00}")];
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 }) { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
var latencies = new List<double>();
var errors = 0;
var interval = TimeSpan.FromSeconds(1 / rate);
var clock = Stopwatch.StartNew();
for (var i = 0; clock.Elapsed.TotalSeconds < seconds; i++)
{
    var due = interval * i;
    if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
    var started = Stopwatch.GetTimestamp();
    try
    {
        using var response = await http.GetAsync($"/menu/{Uri.EscapeDataString(names[i % names.Length])}");
        await response.Content.ReadAsByteArrayAsync();
        if (response.IsSuccessStatusCode) latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        else errors++;
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
    {
        errors++;
    }
}

latencies.Sort();
string Percentile(double p) => latencies.Count == 0 ? "nan"
    : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(p * latencies.Count) - 1)].ToString("0.00", inv);
Console.WriteLine($"{latencies.Count} {Percentile(0.50)} {Percentile(0.90)} {Percentile(0.99)} {errors}");
return 0;
