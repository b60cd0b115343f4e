using Amazon.DynamoDBv2;
using CafeMenu.Api.Telemetry;
using CafeMenu.Menu;
using Microsoft.Extensions.Options;

namespace CafeMenu.Api.Data;

/// <summary>
/// Creates the tables (FoodProducts, and Orders with its TTL) when they are missing (Development by default), so the Api also works without the Loader. It retries in
/// the background instead of failing the start: while DynamoDB is away, requests get 503 and the Api stays up.
/// </summary>
internal sealed class TableInitializer(
    IAmazonDynamoDB dynamo, IOptions<MenuApiOptions> options, IOptions<OrdersApiOptions> orders, IHostEnvironment environment, TimeProvider time, ILogger<TableInitializer> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!(options.Value.EnsureTable ?? environment.IsDevelopment())) return;
        await EnsureAsync(options.Value.TableName, ct => TableSetup.EnsureTableAsync(dynamo, MenuTable.Definition(options.Value.TableName), time, ct), stoppingToken);
        // The orders table, with its TTL on expires_at (UpdateTimeToLive: CreateTable cannot turn it on).
        await EnsureAsync(orders.Value.TableName, ct => OrdersTableSetup.EnsureAsync(dynamo, orders.Value.TableName, time, ct), stoppingToken);
    }

    private async Task EnsureAsync(string table, Func<CancellationToken, Task> ensure, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ensure(stoppingToken);
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
