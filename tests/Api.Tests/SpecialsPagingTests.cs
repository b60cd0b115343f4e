using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Api.Telemetry;
using CafeMenu.Menu;
using CafeMenu.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CafeMenu.Api.Tests;

/// <summary>The DynamoDB calls behind GET /menu/specials, recorded: only Queries on special_GSI, following LastEvaluatedKey.</summary>
[Collection(DynamoDbCollection.Name)]
public sealed class SpecialsPagingTests(DynamoDbLocalFixture dynamo)
{
    [Fact]
    public async Task Specials_are_only_queried_on_the_index_and_empty_filtered_pages_are_read_past()
    {
        var table = DynamoDbLocalFixture.UniqueTableName("paging");
        using var raw = dynamo.CreateClient();
        await TableSetup.EnsureMenuTableAsync(raw, table);
        // 250 specials that are all out of stock: every index page of 100 is emptied by the filter yet has a LastEvaluatedKey.
        var items = Enumerable.Range(0, 250)
            .Select(i => new MenuItem { ProductName = $"Sold out {i:D3}", Price = 1m, Special = 1, Tags = ["out of stock"], Version = 1 })
            .Append(new MenuItem { ProductName = "Plain", Price = 1m, Version = 1 });
        foreach (var chunk in items.Chunk(25))
        {
            await raw.BatchWriteItemAsync(new BatchWriteItemRequest
            {
                RequestItems = new() { [table] = chunk.Select(i => new WriteRequest(new PutRequest(MenuItemMapper.ToAttributes(i)))).ToList() },
            });
        }

        var (client, recorder) = RecordingDynamoDb.Wrap(dynamo.CreateClient());
        await using var api = new ApiFactory(dynamo)
        {
            TableName = table,
            TestServices = services => services.AddSingleton(client),
        };
        await api.InitializeAsync();
        using var http = api.CreateClient();
        var pagesRead = new List<object?>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ApiTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            // Other test classes run in parallel; only completed reads (those that set the tag) can be this one.
            ActivityStopped = activity =>
            {
                if (activity.OperationName == "menu.specials" && activity.GetTagItem("cafemenu.pages_read") is { } pages) pagesRead.Add(pages);
            },
        };
        ActivitySource.AddActivityListener(listener);

        var page = await (await http.GetAsync("/menu/specials?limit=5")).ReadJsonAsync();

        Assert.Equal(0, page.GetProperty("items").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, page.GetProperty("next_cursor").ValueKind);
        var reads = recorder.Requests.Where(r => r is QueryRequest or ScanRequest).ToList();
        Assert.Equal(3, reads.Count);
        Assert.All(reads, r =>
        {
            var query = Assert.IsType<QueryRequest>(r);
            Assert.Equal(MenuTable.SpecialIndex, query.IndexName);
            Assert.Contains("out of stock", query.ExpressionAttributeValues.Values.Select(v => v.S));
        });
        Assert.Equal(3, Assert.Single(pagesRead));

        // One item back in stock is found behind the emptied pages.
        await raw.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table,
            Key = MenuItemMapper.Key("Sold out 123"),
            UpdateExpression = "SET #tags = :tags",
            ExpressionAttributeNames = new() { ["#tags"] = "tags" },
            ExpressionAttributeValues = new() { [":tags"] = new AttributeValue { L = [] } },
        });
        var found = await (await http.GetAsync("/menu/specials?limit=5")).ReadJsonAsync();
        Assert.Equal("Sold out 123", Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("product_name").GetString());
    }
}
