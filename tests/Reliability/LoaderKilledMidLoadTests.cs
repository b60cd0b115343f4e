using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Hosting.DynamoDBLocal;
using CafeMenu.Loader.Tests;
using CafeMenu.TestSupport;
using Xunit.Abstractions;

namespace CafeMenu.Reliability;

/// <summary>
/// DynamoDB Local (file-backed, so the data outlives the process) is killed in the middle of a 50,000-item upsert load run
/// by the built Loader executable. The Loader must exit non-zero and list every item that may be missing; after DynamoDB
/// Local is restarted on its folder, an insert-only rerun of the same file completes the set without touching what the
/// first run wrote, and counts as skipped exactly the items the first run left in the table.
/// </summary>
public sealed partial class LoaderKilledMidLoadTests(ITestOutputHelper log)
{
    private const int Items = 50_000;

    /// <summary>The kill happens once the Loader's progress shows at least this many items done.</summary>
    private const int KillAfter = 5_000;

    /// <summary>First-run items marked after the restart; an overwrite by the insert-only rerun would drop the mark.</summary>
    private const int Marked = 300;

    private static readonly TimeSpan LoaderTimeout = TimeSpan.FromMinutes(6);

    [Fact]
    public async Task LoaderKilledMidLoad_50000_items_report_names_every_missing_item_and_insert_only_rerun_completes_without_overwrite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cafemenu-killtest", Guid.NewGuid().ToString("N"));
        var dbPath = Path.Combine(folder, "db");
        Directory.CreateDirectory(dbPath);
        var table = DynamoDbLocalFixture.UniqueTableName("killed");
        var keys = Enumerable.Range(0, Items).Select(i => $"item {i:D5}").ToList();
        var input = Path.Combine(folder, "items.ndjson");
        await File.WriteAllLinesAsync(input, keys.Select((k, i) => $"{{\"product_name\":\"{k}\",\"price\":{i}.25,\"description\":\"line {i + 1}\"}}"));
        var firstReport = Path.Combine(folder, "first.json");
        var secondReport = Path.Combine(folder, "second.json");
        var watch = Stopwatch.StartNew();

        try
        {
            // 1. Upsert load, DynamoDB Local killed (java and all) once some thousands of items are done.
            var dynamo = DynamoDbLocalFixture.OnPort(FreePort.Next(), dbPath);
            int firstExit;
            string firstOutput;
            try
            {
                await dynamo.InitializeAsync();
                using (var client = dynamo.CreateClient()) await Menu.TableSetup.EnsureMenuTableAsync(client, table);
                log.WriteLine($"{watch.Elapsed}: DynamoDB Local file-backed on {dynamo.ServiceUrl}, table {table}");

                var killed = false;
                long doneAtKill = 0;
                (firstExit, firstOutput) = await RunLoaderAsync(dynamo, ["load", input, "--table", table, "--mode", "upsert", "--progress", "plain", "--report", firstReport],
                    async line =>
                    {
                        if (killed || ProgressDone(line) is not (>= KillAfter and var done)) return;
                        killed = true;
                        doneAtKill = done;
                        log.WriteLine($"{watch.Elapsed}: killing DynamoDB Local after '{line}'");
                        await dynamo.DisposeAsync();
                    });
                Assert.True(killed, $"the Loader never reported {KillAfter} items done before it ended:\n{firstOutput}");
                // Every item done before the kill was written: the load was healthy until then, so what failed is due to the kill.
                Assert.True(ReadWritten(firstReport) >= doneAtKill, $"items failed before DynamoDB Local was killed:\n{firstOutput}");
            }
            finally
            {
                await dynamo.DisposeAsync();
            }

            log.WriteLine($"{watch.Elapsed}: first run exit {firstExit}");
            Assert.True(firstExit != 0, $"the Loader exited 0 although DynamoDB Local was killed:\n{firstOutput}");
            using var first = JsonDocument.Parse(await File.ReadAllTextAsync(firstReport));
            var summary = first.RootElement;
            Assert.Equal(Items, summary.GetProperty("records").GetInt64());
            var failed = summary.GetProperty("failed_items").EnumerateArray()
                .Select(f => (Key: f.GetProperty("key").GetProperty("product_name").GetString()!, Reason: f.GetProperty("reason").GetString()!))
                .ToList();
            Assert.Equal(summary.GetProperty("failed").GetInt64(), failed.Count);
            Assert.Equal(Items, summary.GetProperty("written").GetInt64() + failed.Count + summary.GetProperty("skipped").GetInt64());
            Assert.True(failed.Count > 0, "the report lists no failed item although DynamoDB Local was killed mid-load");
            foreach (var reason in failed.GroupBy(f => f.Reason.Length > 120 ? f.Reason[..120] : f.Reason).Take(8))
            {
                log.WriteLine($"  {reason.Count()} failed: {reason.Key}");
            }

            var failedKeys = failed.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
            Assert.Equal(failed.Count, failedKeys.Count);

            // 2. Restart on the same folder: every input key is in the table or in the report's failed list.
            var restarted = DynamoDbLocalFixture.OnPort(FreePort.Next(), dbPath);
            try
            {
                await restarted.InitializeAsync();
                log.WriteLine($"{watch.Elapsed}: restarted on {restarted.ServiceUrl}");
                using var client = restarted.CreateClient();
                var survivors = await ScanAsync(client, table);
                var lost = keys.Where(k => !survivors.ContainsKey(k) && !failedKeys.Contains(k)).ToList();
                Assert.True(lost.Count == 0, $"{lost.Count} items are neither in the table nor in the report, e.g. {string.Join(", ", lost.Take(5))}");
                var reportedButStored = failed.Where(f => survivors.ContainsKey(f.Key)).ToList();
                Assert.All(reportedButStored, f => Assert.Contains("not confirmed", f.Reason, StringComparison.Ordinal));
                var inputKeys = keys.ToHashSet(StringComparer.Ordinal);
                Assert.All(survivors.Keys, k => Assert.Contains(k, inputKeys));
                log.WriteLine($"{watch.Elapsed}: first run wrote {summary.GetProperty("written").GetInt64()}, failed {failed.Count} "
                    + $"({reportedButStored.Count} of them stored but not confirmed); table holds {survivors.Count}");

                // 3. Mark some first-run items, then rerun insert-only on the same file.
                var marked = survivors.Keys.Order(StringComparer.Ordinal).Where((_, i) => i % Math.Max(1, survivors.Count / Marked) == 0).Take(Marked).ToList();
                await Parallel.ForEachAsync(marked, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (key, token) =>
                    await client.UpdateItemAsync(new UpdateItemRequest
                    {
                        TableName = table,
                        Key = new() { ["product_name"] = new AttributeValue { S = key } },
                        UpdateExpression = "SET first_run_mark = :m",
                        ExpressionAttributeValues = new() { [":m"] = new AttributeValue { S = "kept" } },
                    }, token));
                var before = await ScanAsync(client, table);

                var (secondExit, secondOutput) = await RunLoaderAsync(restarted,
                    ["load", input, "--table", table, "--mode", "insert-only", "--progress", "none", "--report", secondReport], _ => Task.CompletedTask);
                log.WriteLine($"{watch.Elapsed}: insert-only rerun exit {secondExit}");
                Assert.True(secondExit == 0, secondOutput);
                using var second = JsonDocument.Parse(await File.ReadAllTextAsync(secondReport));
                var rerun = second.RootElement;
                Assert.Equal(0, rerun.GetProperty("failed").GetInt64());
                var skipped = rerun.GetProperty("skipped_items").EnumerateArray()
                    .Select(s => s.GetProperty("key").GetProperty("product_name").GetString()!).ToHashSet(StringComparer.Ordinal);
                Assert.Equal(Items, rerun.GetProperty("written").GetInt64() + skipped.Count);
                // Insert-only retries carry their transaction's ClientRequestToken, so a write whose answer was lost is counted
                // written, never skipped: the skipped items are exactly those the first run left in the table.
                Assert.True(skipped.SetEquals(survivors.Keys),
                    $"skipped {skipped.Count} items, the table held {survivors.Count} before the rerun; e.g. {string.Join(", ", skipped.Except(survivors.Keys).Concat(survivors.Keys.Except(skipped)).Take(5))}");
                log.WriteLine($"{watch.Elapsed}: rerun wrote {rerun.GetProperty("written").GetInt64()}, skipped {skipped.Count}, retries {rerun.GetProperty("retries").GetInt64()}");

                // 4. The full scan: every input key exactly once, each line's values, first-run items untouched.
                var after = await ScanAsync(client, table);
                Assert.Equal(Items, after.Count);
                Assert.Equal(keys, after.Keys.Order(StringComparer.Ordinal));
                Assert.All(keys.Select((k, i) => (k, i)), p => Assert.Equal($"{p.i}.25", after[p.k]["price"].N));
                var changed = before.Where(b => LoaderRun.Canonical(after[b.Key]) != LoaderRun.Canonical(b.Value)).Select(b => b.Key).ToList();
                Assert.True(changed.Count == 0, $"the insert-only rerun changed {changed.Count} items it found, e.g. {string.Join(", ", changed.Take(5))}");
                Assert.All(marked, k => Assert.Equal("kept", after[k]["first_run_mark"].S));
                log.WriteLine($"{watch.Elapsed}: scan holds {after.Count}");
            }
            finally
            {
                await restarted.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs the built Loader (CafeMenu.Loader.dll next to its runtimeconfig) as a user would, bounded in time.</summary>
    private async Task<(int ExitCode, string Output)> RunLoaderAsync(DynamoDbLocalFixture dynamo, string[] args, Func<string, Task> onLine)
    {
        var start = new ProcessStartInfo(LoaderProcess.DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(LoaderDll());
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (name, value) in dynamo.Environment) start.Environment[name] = value;
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        // Give up 20 s after DynamoDB Local stops accepting writes rather than the default 60 s, to keep the suite short.
        start.Environment["Loader__Retry__GiveUpAfter"] = "00:00:20";

        var output = new StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("the Loader did not start");
        try
        {
            using var timeout = new CancellationTokenSource(LoaderTimeout);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lock (output) output.AppendLine(line);
                await onLine(line);
            }

            await process.WaitForExitAsync(timeout.Token);
            output.AppendLine(await stderr);
            return (process.ExitCode, output.ToString());
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    private static string LoaderDll()
    {
        // tests/Reliability/bin/<configuration>/<framework>/ -> Loader/bin/<configuration>/<framework>/CafeMenu.Loader.dll
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var dll = Path.Combine(DynamoDBLocalInstallation.FindRepositoryRoot(), "Loader", "bin", testOutput.Parent!.Name, testOutput.Name, "CafeMenu.Loader.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"the built Loader was not found at {dll}: build tests/Reliability first.");
    }

    private static long ReadWritten(string report)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(report));
        return document.RootElement.GetProperty("written").GetInt64();
    }

    /// <summary>Items done in a plain progress line ("progress: 12,345/50,000 items, ...").</summary>
    private static long? ProgressDone(string line) =>
        ProgressLine().Match(line) is { Success: true } m ? long.Parse(m.Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : null;

    [GeneratedRegex(@"^progress: ([\d,]+)/")]
    private static partial Regex ProgressLine();

    private static async Task<Dictionary<string, Dictionary<string, AttributeValue>>> ScanAsync(IAmazonDynamoDB client, string table)
    {
        var items = await LoaderRun.ScanAllAsync(client, table);
        var byKey = items.ToDictionary(i => i["product_name"].S, StringComparer.Ordinal);
        return byKey;
    }
}
