using System.Diagnostics;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using CafeMenu.TestSupport;

namespace CafeMenu.ServiceDefaults.Tests;

/// <summary>Real DynamoDB Local calls through the client AddDynamoDb registers, exported in memory.</summary>
[Collection(DynamoDbLocalCollection.Name)]
public sealed class DynamoDbSpanTests(DynamoDbLocalFixture dynamo, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _table = DynamoDbLocalFixture.UniqueTableName("Spans");
    private readonly string _otherTable = DynamoDbLocalFixture.UniqueTableName("SpansOther");
    private TelemetryTestHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TelemetryTestHost.StartAsync(dynamo.Environment);
        await TableSetup.EnsureMenuTableAsync(_host.DynamoDb, _table);
        await TableSetup.EnsureMenuTableAsync(_host.DynamoDb, _otherTable);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task PutItem_is_a_client_span_under_the_callers_span_with_the_dynamodb_attributes()
    {
        var (outer, spans) = await TracedAsync(() => _host.DynamoDb.PutItemAsync(_table, Item("Latte")));

        output.WriteLine(ActivityAssertions.Tree(spans, outer));
        var put = spans.Single("DynamoDB.PutItem");
        Assert.Equal(ActivityKind.Client, put.Kind);
        Assert.Equal("AWSSDK.DynamoDB", put.Source.Name);
        Assert.Equal(outer.SpanId, put.ParentSpanId);
        Assert.Equal("aws.dynamodb", put.Tag("db.system.name"));
        Assert.Equal("aws-api", put.Tag("rpc.system"));
        Assert.Equal("DynamoDB", put.Tag("rpc.service"));
        Assert.Equal("PutItem", put.Tag("rpc.method"));
        Assert.Equal([_table], put.StringArrayTag("aws.dynamodb.table_names"));
        Assert.False(string.IsNullOrEmpty(put.Tag("aws.request_id") as string));
        Assert.Equal("127.0.0.1", put.Tag("server.address"));
        Assert.Equal(dynamo.Port, put.Tag("server.port"));
        Assert.Equal("us-east-1", put.Tag("cloud.region"));
        Assert.Equal(ActivityStatusCode.Unset, put.Status);

        var capacity = JsonDocument.Parse(Assert.Single(put.StringArrayTag("aws.dynamodb.consumed_capacity"))).RootElement;
        Assert.Equal(_table, capacity.GetProperty("TableName").GetString());
        Assert.True(capacity.GetProperty("CapacityUnits").GetDouble() > 0);

        // The SDK's attempt span sits under the call span; its HTTP attributes use the current semantic-convention names.
        var attempt = spans.Single("HttpRequest");
        Assert.Equal(put.SpanId, attempt.ParentSpanId);
        Assert.Equal(ActivityKind.Internal, attempt.Kind);
        Assert.Equal(200, attempt.Tag("http.response.status_code"));
        Assert.Equal("POST", attempt.Tag("http.request.method"));
        Assert.Null(attempt.Tag("http.status_code"));
    }

    [Fact]
    public async Task Query_on_an_index_names_the_index_and_counts_the_items()
    {
        await _host.DynamoDb.PutItemAsync(_table, Item("Mocha", special: true));
        await _host.DynamoDb.PutItemAsync(_table, Item("Tea"));

        var (_, spans) = await TracedAsync(() => _host.DynamoDb.QueryAsync(new QueryRequest
        {
            TableName = _table,
            IndexName = MenuTable.SpecialIndex,
            KeyConditionExpression = "#special = :on",
            ExpressionAttributeNames = new() { ["#special"] = MenuTable.Attributes.Special },
            ExpressionAttributeValues = new() { [":on"] = new AttributeValue { N = MenuTable.SpecialOn } },
            Limit = 50,
        }));

        var query = spans.Single("DynamoDB.Query");
        Assert.Equal("Query", query.Tag("rpc.method"));
        Assert.Equal([_table], query.StringArrayTag("aws.dynamodb.table_names"));
        Assert.Equal(MenuTable.SpecialIndex, query.Tag("aws.dynamodb.index_name"));
        Assert.Equal(50, query.Tag("aws.dynamodb.limit"));
        Assert.Equal(1, query.Tag("aws.dynamodb.count"));
        Assert.Equal(1, query.Tag("aws.dynamodb.scanned_count"));
        Assert.Single(query.StringArrayTag("aws.dynamodb.consumed_capacity"));
    }

    [Fact]
    public async Task Scan_names_the_table_and_counts_the_items()
    {
        await _host.DynamoDb.PutItemAsync(_table, Item("Espresso"));
        await _host.DynamoDb.PutItemAsync(_table, Item("Scone"));

        var (_, spans) = await TracedAsync(() => _host.DynamoDb.ScanAsync(new ScanRequest { TableName = _table, ConsistentRead = true }));

        var scan = spans.Single("DynamoDB.Scan");
        Assert.Equal([_table], scan.StringArrayTag("aws.dynamodb.table_names"));
        Assert.Null(scan.Tag("aws.dynamodb.index_name"));
        Assert.Equal(true, scan.Tag("aws.dynamodb.consistent_read"));
        Assert.Equal(2, scan.Tag("aws.dynamodb.count"));
        Assert.Single(scan.StringArrayTag("aws.dynamodb.consumed_capacity"));
    }

    [Fact]
    public async Task BatchWriteItem_names_every_table_in_the_request_with_capacity_per_table()
    {
        var (_, spans) = await TracedAsync(() => _host.DynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest
        {
            RequestItems = new()
            {
                [_table] = [Put("Flat white"), Put("Cortado")],
                [_otherTable] = [Put("Croissant")],
            },
        }));

        var batch = spans.Single("DynamoDB.BatchWriteItem");
        Assert.Equal([_table, _otherTable], batch.StringArrayTag("aws.dynamodb.table_names"));
        var tablesCharged = batch.StringArrayTag("aws.dynamodb.consumed_capacity")
            .Select(json => JsonDocument.Parse(json).RootElement.GetProperty("TableName").GetString())
            .Order(StringComparer.Ordinal);
        Assert.Equal(new[] { _table, _otherTable }.Order(StringComparer.Ordinal), tablesCharged);
    }

    [Fact]
    public async Task TransactWriteItems_names_every_table_in_the_request()
    {
        await _host.DynamoDb.PutItemAsync(_otherTable, Item("Bagel"));

        var (_, spans) = await TracedAsync(() => _host.DynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new TransactWriteItem { Put = new Put { TableName = _table, Item = Item("Americano") } },
                new TransactWriteItem
                {
                    ConditionCheck = new ConditionCheck
                    {
                        TableName = _otherTable,
                        Key = Key("Bagel"),
                        ConditionExpression = "attribute_exists(product_name)",
                    },
                },
            ],
        }));

        var transaction = spans.Single("DynamoDB.TransactWriteItems");
        Assert.Equal([_table, _otherTable], transaction.StringArrayTag("aws.dynamodb.table_names"));
        Assert.Equal(2, transaction.StringArrayTag("aws.dynamodb.consumed_capacity").Length);
    }

    [Fact]
    public async Task BatchGetItem_and_TransactGetItems_name_every_table()
    {
        await _host.DynamoDb.PutItemAsync(_table, Item("Chai"));
        await _host.DynamoDb.PutItemAsync(_otherTable, Item("Muffin"));

        var (_, spans) = await TracedAsync(async () =>
        {
            await _host.DynamoDb.BatchGetItemAsync(new BatchGetItemRequest
            {
                RequestItems = new()
                {
                    [_table] = new KeysAndAttributes { Keys = [Key("Chai")] },
                    [_otherTable] = new KeysAndAttributes { Keys = [Key("Muffin")] },
                },
            });
            await _host.DynamoDb.TransactGetItemsAsync(new TransactGetItemsRequest
            {
                TransactItems =
                [
                    new TransactGetItem { Get = new Get { TableName = _otherTable, Key = Key("Muffin") } },
                    new TransactGetItem { Get = new Get { TableName = _table, Key = Key("Chai") } },
                ],
            });
        });

        Assert.Equal([_table, _otherTable], spans.Single("DynamoDB.BatchGetItem").StringArrayTag("aws.dynamodb.table_names"));
        Assert.Equal([_otherTable, _table], spans.Single("DynamoDB.TransactGetItems").StringArrayTag("aws.dynamodb.table_names"));
    }

    [Fact]
    public async Task A_callers_own_choice_of_ReturnConsumedCapacity_is_kept()
    {
        var request = new PutItemRequest { TableName = _table, Item = Item("Ristretto"), ReturnConsumedCapacity = ReturnConsumedCapacity.NONE };

        var (_, spans) = await TracedAsync(() => _host.DynamoDb.PutItemAsync(request));

        Assert.Equal(ReturnConsumedCapacity.NONE, request.ReturnConsumedCapacity);
        Assert.Null(spans.Single("DynamoDB.PutItem").Tag("aws.dynamodb.consumed_capacity"));
    }

    [Fact]
    public async Task A_failed_call_is_an_error_span_with_the_aws_error_code()
    {
        var missing = DynamoDbLocalFixture.UniqueTableName("Missing");

        var (_, spans) = await TracedAsync(() =>
            Assert.ThrowsAsync<ResourceNotFoundException>(() => _host.DynamoDb.GetItemAsync(missing, Key("Latte"))));

        var get = spans.Single("DynamoDB.GetItem");
        Assert.Equal(ActivityStatusCode.Error, get.Status);
        Assert.Equal("ResourceNotFoundException", get.StatusDescription);
        Assert.Equal("ResourceNotFoundException", get.Tag("aws.error_code"));
        Assert.Equal("ResourceNotFoundException", get.Tag("error.type"));
        Assert.Equal(400, get.Tag("http.response.status_code"));
        Assert.Equal([missing], get.StringArrayTag("aws.dynamodb.table_names"));
        var exception = Assert.Single(get.Events, e => e.Name == "exception");
        Assert.Contains(exception.Tags, t => t.Key == "exception.type" && (t.Value as string)!.EndsWith("ResourceNotFoundException", StringComparison.Ordinal));
        Assert.DoesNotContain(get.TagObjects, t => t.Key == "exception.stacktrace");
    }

    [Fact]
    public async Task A_failed_condition_is_an_event_on_the_span_not_an_error()
    {
        await _host.DynamoDb.PutItemAsync(_table, Item("Latte"));

        var (_, spans) = await TracedAsync(() => Assert.ThrowsAsync<ConditionalCheckFailedException>(() =>
            _host.DynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = Item("Latte"),
                ConditionExpression = "attribute_not_exists(product_name)",
            })));

        var put = spans.Single("DynamoDB.PutItem");
        Assert.Equal(ActivityStatusCode.Unset, put.Status);
        Assert.Null(put.Tag("error.type"));
        Assert.DoesNotContain(put.Events, e => e.Name == "exception");
        var outcome = Assert.Single(put.Events, e => e.Name == "aws.dynamodb.conditional_check_failed");
        Assert.Contains(outcome.Tags, t => t.Key == "aws.error_code" && (string?)t.Value == "ConditionalCheckFailedException");
        Assert.Equal("ConditionalCheckFailedException", put.Tag("aws.error_code"));
    }

    [Fact]
    public async Task A_transaction_cancelled_by_a_failed_condition_is_an_event_with_the_reasons()
    {
        await _host.DynamoDb.PutItemAsync(_table, Item("Latte"));

        var (_, spans) = await TracedAsync(() => Assert.ThrowsAsync<TransactionCanceledException>(() =>
            _host.DynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    new TransactWriteItem { Put = new Put { TableName = _otherTable, Item = Item("Brownie") } },
                    new TransactWriteItem
                    {
                        Put = new Put { TableName = _table, Item = Item("Latte"), ConditionExpression = "attribute_not_exists(product_name)" },
                    },
                ],
            })));

        var transaction = spans.Single("DynamoDB.TransactWriteItems");
        Assert.Equal(ActivityStatusCode.Unset, transaction.Status);
        var outcome = Assert.Single(transaction.Events, e => e.Name == "aws.dynamodb.conditional_check_failed");
        var reasons = Assert.IsType<string[]>(outcome.Tags.Single(t => t.Key == "aws.dynamodb.cancellation_reasons").Value);
        Assert.Equal(["None", "ConditionalCheckFailed"], reasons);
    }

    [Fact]
    public async Task A_transaction_cancelled_for_another_reason_stays_an_error()
    {
        var (_, spans) = await TracedAsync(() => Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() =>
            _host.DynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    // The same item twice in one transaction is refused as a validation error.
                    new TransactWriteItem { Put = new Put { TableName = _table, Item = Item("Latte") } },
                    new TransactWriteItem { Delete = new Delete { TableName = _table, Key = Key("Latte") } },
                ],
            })));

        var transaction = spans.Single("DynamoDB.TransactWriteItems");
        Assert.Equal(ActivityStatusCode.Error, transaction.Status);
        Assert.DoesNotContain(transaction.Events, e => e.Name == "aws.dynamodb.conditional_check_failed");
    }

    [Fact]
    public async Task The_sdk_metrics_and_consumed_capacity_are_exported()
    {
        await TracedAsync(() => _host.DynamoDb.PutItemAsync(_table, Item("Macchiato")));

        var durations = _host.Collect("AWSSDK.DynamoDB", "client.call.duration");
        var putDuration = Assert.Single(durations, p => (string?)p.Tag("rpc.method") == "PutItem");
        Assert.True(putDuration.GetHistogramCount() > 0);
        // Seconds, so the buckets start at a millisecond rather than the default's 0, 5, 10, ... (meant for ms).
        var bounds = new List<double>();
        foreach (var bucket in putDuration.GetHistogramBuckets()) bounds.Add(bucket.ExplicitBound);
        Assert.Equal(0.001, bounds[0]);
        Assert.Contains(0.25, bounds);

        var capacity = _host.Collect("CafeMenu.DynamoDb", "cafemenu.dynamodb.consumed_capacity");
        var forTable = Assert.Single(capacity, p => (string?)p.Tag("aws.dynamodb.table_name") == _table && (string?)p.Tag("rpc.method") == "PutItem");
        Assert.True(forTable.GetSumDouble() >= 1);
    }

    /// <summary>Runs <paramref name="work"/> under an outer span and returns that span and every exported span of its trace.</summary>
    private async Task<(Activity Outer, IReadOnlyList<Activity> Spans)> TracedAsync(Func<Task> work)
    {
        Activity outer;
        using (outer = TelemetryTestHost.TestSource.StartActivity("test")!)
        {
            Assert.NotNull(outer);
            await work();
        }

        return (outer, _host.SpansOf(outer.TraceId));
    }

    private static Dictionary<string, AttributeValue> Item(string name, bool special = false)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [MenuTable.Attributes.ProductName] = new() { S = name },
            [MenuTable.Attributes.Price] = new() { N = "3.50" },
        };
        if (special) item[MenuTable.Attributes.Special] = new() { N = MenuTable.SpecialOn };
        return item;
    }

    private static Dictionary<string, AttributeValue> Key(string name) =>
        new() { [MenuTable.Attributes.ProductName] = new() { S = name } };

    private static WriteRequest Put(string name) => new() { PutRequest = new PutRequest { Item = Item(name) } };
}
