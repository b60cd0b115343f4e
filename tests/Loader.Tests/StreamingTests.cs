using System.Text.Json;
using CafeMenu.TestSupport;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// The built Loader executable on a larger file: it streams (peak working set far below what holding the input would take),
/// prints its summary and exits 0. The bench measures the full million-item file.
/// </summary>
[Collection(DynamoCollection.Name)]
public class StreamingTests(DynamoDbLocalFixture dynamo)
{
    [Fact]
    public async Task The_executable_loads_a_large_json_array_with_bounded_memory()
    {
        const int items = 12_000;
        var table = DynamoDbLocalFixture.UniqueTableName("stream");
        var file = LoaderRun.TempFile("large.json", "");
        await using (var writer = new StreamWriter(file))
        {
            await writer.WriteLineAsync("[");
            for (var i = 0; i < items; i++)
            {
                await writer.WriteLineAsync($"  {{\"product_name\": \"product {i:D7}\", \"price\": {i % 100}.99, \"description\": \"{new string('x', 3000)}\"}}{(i + 1 < items ? "," : "")}");
            }

            await writer.WriteLineAsync("]");
        }

        var fileBytes = new FileInfo(file).Length;
        var report = Path.Combine(Path.GetDirectoryName(file)!, "report.json");
        var run = await LoaderProcess.RunBuiltAsync(dynamo, TimeSpan.FromMinutes(3),
            "load", file, "--table", table, "--create-table", "--concurrency", "16", "--report", report);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"{items:N0} written, 0 skipped, 0 failed", run.Output);
        using var json = JsonDocument.Parse(File.ReadAllText(report));
        var peak = json.RootElement.GetProperty("peak_working_set_bytes").GetInt64();
        Assert.True(fileBytes > 35_000_000, $"the input is {fileBytes} bytes");
        // The input as attribute values would take several times its size; the Loader holds only the key set and a few batches.
        Assert.True(peak < 200_000_000, $"peak working set {peak / 1_000_000} MB for a {fileBytes / 1_000_000} MB file");
        using var client = dynamo.CreateClient();
        var count = await client.ScanAsync(new() { TableName = table, Select = Amazon.DynamoDBv2.Select.COUNT });
        var total = count.Count ?? 0;
        var next = count.LastEvaluatedKey;
        while (next is { Count: > 0 })
        {
            var page = await client.ScanAsync(new() { TableName = table, Select = Amazon.DynamoDBv2.Select.COUNT, ExclusiveStartKey = next });
            total += page.Count ?? 0;
            next = page.LastEvaluatedKey;
        }

        Assert.Equal(items, total);
    }
}
