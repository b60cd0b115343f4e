using Amazon.DynamoDBv2;
using CafeMenu.Api.Telemetry;
using CafeMenu.Menu;
using Microsoft.Extensions.Options;

namespace CafeMenu.Api.Data;

/// <summary>
/// Creates the table when it is missing (Development by default), so the Api also works without the Loader. It retries in
/// the background instead of failing the start: while DynamoDB is away, requests get 503 and the Api stays up.
/// </summary>
internal sealed class TableInitializer(
    IAmazonDynamoDB dynamo, IOptions<MenuApiOptions> options, IHostEnvironment environment, TimeProvider time, ILogger<TableInitializer> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!(options.Value.EnsureTable ?? environment.IsDevelopment())) return;
        var table = options.Value.TableName;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TableSetup.EnsureTableAsync(dynamo, MenuTable.Definition(table), time, stoppingToken);
                Log.TableReady(logger, table);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.TableNotReady(logger, table, e.GetType().Name, RetryDelay.TotalSeconds);
                await Task.Delay(RetryDelay, time, stoppingToken);
            }
        }
    }
}
