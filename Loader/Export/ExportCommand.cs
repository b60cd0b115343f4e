using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Loader.Writing;
using CafeMenu.Menu;
using Polly;
using Spectre.Console;

namespace CafeMenu.Loader.Export;

/// <summary>The <c>export</c> command: a paginated Scan of a table written as NDJSON of DynamoDB JSON, which <c>load</c> reads back.</summary>
internal sealed class ExportCommand(IAmazonDynamoDB dynamo, IAnsiConsole console, RetrySettings retry)
{
    /// <summary>
    /// A page that times out or is throttled is asked for again (the SDK's own retries are off in the Loader), for as long
    /// as writes would be: one Scan page of a 200,000-item table took DynamoDB Local over the 10 s timeout in a bench run.
    /// The timeout is the outer strategy, so it bounds all the attempts at one page together: inside the retry it bounded
    /// each attempt alone, and a DynamoDB that answered every Scan with an error was asked again without end.
    /// </summary>
    private readonly ResiliencePipeline _pageRetry = new ResiliencePipelineBuilder()
        .AddTimeout(retry.GiveUpAfter)
        .AddRetry(WriteRetry.Backoff(retry, WriteRetry.IsRetryable))
        .Build();

    public async Task<int> RunAsync(string table, string outPath, CancellationToken cancellationToken)
    {
        using var activity = LoaderTelemetry.Source.StartActivity("loader.export");
        activity?.SetTag("db.collection.name", table);
        if (await TableSetup.DescribeOrNullAsync(dynamo, table, cancellationToken) is null)
        {
            console.MarkupLineInterpolated($"[red]error[/] table {table} does not exist");
            return ExitCodes.InvalidInput;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (directory is not null) Directory.CreateDirectory(directory);
        long count = 0;
        await using (var stream = File.Create(outPath))
        {
            var newline = "\n"u8.ToArray();
            await using var writer = new Utf8JsonWriter(stream, ReportJson.Writer);
            Dictionary<string, AttributeValue>? startKey = null;
            do
            {
                var request = new ScanRequest { TableName = table, ExclusiveStartKey = startKey };
                var page = await _pageRetry.ExecuteAsync(token => new ValueTask<ScanResponse>(dynamo.ScanAsync(request, token)), cancellationToken);
                foreach (var item in page.Items ?? [])
                {
                    DynamoJsonWriter.WriteItem(writer, item);
                    await writer.FlushAsync(cancellationToken);
                    writer.Reset();
                    await stream.WriteAsync(newline, cancellationToken);
                    count++;
                }

                startKey = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
            }
            while (startKey is not null);
        }

        activity?.SetTag("loader.items", count);
        console.WriteLine($"Exported {count.ToString("N0", CultureInfo.InvariantCulture)} items from {table} to {outPath}.");
        return ExitCodes.Success;
    }
}
