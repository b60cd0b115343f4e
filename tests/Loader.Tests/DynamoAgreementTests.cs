using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CafeMenu.Loader.Input;
using CafeMenu.Loader.Validation;
using CafeMenu.TestSupport;
using Xunit.Abstractions;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// The Loader's validation against DynamoDB Local, item by item: the same generated edge-case items go through the Loader's
/// reading and validation (as a DynamoDB JSON file) and, separately, to PutItem. What the validator accepts, DynamoDB
/// stores and gives back attribute for attribute; what DynamoDB refuses, the validator refuses with a reason.
/// </summary>
[Collection(DynamoCollection.Name)]
public class DynamoAgreementTests(DynamoDbLocalFixture dynamo, ITestOutputHelper output)
{
    /// <param name="invertedIndex">Adds a global index keyed sk + pk, as single-table designs do: it holds the table's
    /// partition key to a sort key's 1,024 bytes, which the validator once missed.</param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task The_validator_and_DynamoDB_agree_on_every_generated_item(bool invertedIndex)
    {
        var table = DynamoDbLocalFixture.UniqueTableName("agree");
        // No SDK retries: DynamoDB Local's HTTP 500 for a long name is its verdict, not a fault to retry.
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = dynamo.ServiceUrl, AuthenticationRegion = "us-east-1", MaxErrorRetry = 0 });
        await client.CreateTableAsync(Definition(table, invertedIndex));
        var schema = TableSchema.From((await client.DescribeTableAsync(table)).Table);

        var items = EdgeCaseItems.Generate(seed: 17).ToList();
        Assert.True(items.Count >= 1000, $"only {items.Count} items generated");
        var verdicts = Validate(items, schema);

        var disagreements = new List<string>();
        var stored = 0;
        var refused = 0;
        var localDifferences = 0;
        using var parallel = new SemaphoreSlim(4);
        await Task.WhenAll(items.Select(async (entry, i) =>
        {
            await parallel.WaitAsync();
            try
            {
                var dynamoError = await PutAsync(client, table, entry.Item);
                var problems = verdicts.GetValueOrDefault(i + 1);
                if (dynamoError is null) Interlocked.Increment(ref stored);
                else Interlocked.Increment(ref refused);
                if (problems is null && dynamoError is not null && IsDynamoDbLocalsLongNameError(entry.Item, dynamoError))
                {
                    Interlocked.Increment(ref localDifferences);
                }
                else if (problems is null && dynamoError is not null)
                {
                    lock (disagreements) disagreements.Add($"{entry.Case}: the validator accepted it, DynamoDB refused it: {dynamoError}");
                }
                else if (problems is not null && dynamoError is null)
                {
                    lock (disagreements) disagreements.Add($"{entry.Case}: DynamoDB stored it, the validator refused it: {string.Join("; ", problems)}");
                }
                else if (problems is null)
                {
                    var key = new Dictionary<string, AttributeValue> { ["pk"] = entry.Item["pk"], ["sk"] = entry.Item["sk"] };
                    var back = (await client.GetItemAsync(new GetItemRequest { TableName = table, Key = key, ConsistentRead = true })).Item;
                    if (Canonical(back) != Canonical(entry.Item))
                    {
                        lock (disagreements) disagreements.Add($"{entry.Case}: GetItem gave back a different item");
                    }
                }
            }
            finally
            {
                parallel.Release();
            }
        }));

        output.WriteLine($"{items.Count} items: {stored} stored by DynamoDB Local and accepted by the validator, {refused - localDifferences} refused by both, " +
            $"{localDifferences} accepted by the validator (as DynamoDB documents) and answered HTTP 500 by DynamoDB Local; {disagreements.Count} disagreements");
        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(30)));
        // Names of 50,001 and 65,534 to 65,535 bytes, top level and in a map: 6 items, each a case DynamoDB Local gets wrong.
        Assert.Equal(6, localDifferences);
        Assert.InRange(stored, items.Count / 3, items.Count - 100); // both verdicts are well represented
    }

    /// <summary>
    /// Where DynamoDB Local differs from DynamoDB: it answers HTTP 500 for an attribute name of 50,001 to 65,535 UTF-8 bytes,
    /// which DynamoDB documents as allowed (64 KB). The validator follows DynamoDB; the Loader isolates such an item at write time.
    /// </summary>
    private static bool IsDynamoDbLocalsLongNameError(Dictionary<string, AttributeValue> item, string dynamoError) =>
        dynamoError.StartsWith("500 ", StringComparison.Ordinal)
        && LongestName(item) is > EdgeCaseItems.DynamoDbLocalMaxNameBytes and <= ValueRules.MaxNameBytes;

    private static int LongestName(Dictionary<string, AttributeValue> map) =>
        map.Select(kv => Math.Max(Encoding.UTF8.GetByteCount(kv.Key), LongestName(kv.Value))).DefaultIfEmpty(0).Max();

    private static int LongestName(AttributeValue value) =>
        value.M is { } map ? LongestName(map) : value.L is { } list ? list.Select(LongestName).DefaultIfEmpty(0).Max() : 0;

    private static CreateTableRequest Definition(string table, bool invertedIndex) => new()
    {
        TableName = table,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
        AttributeDefinitions = [new("pk", "S"), new("sk", "B"), new("gpk", "S"), new("gsk", "S"), new("gn", "N"), new("lsk", "S")],
        GlobalSecondaryIndexes =
        [
            new() { IndexName = "by_gpk", KeySchema = [new("gpk", KeyType.HASH), new("gsk", KeyType.RANGE)], Projection = new() { ProjectionType = ProjectionType.ALL } },
            new() { IndexName = "by_gn", KeySchema = [new("gn", KeyType.HASH)], Projection = new() { ProjectionType = ProjectionType.KEYS_ONLY } },
            .. invertedIndex
                ? [new GlobalSecondaryIndex { IndexName = "by_sk_pk", KeySchema = [new("sk", KeyType.HASH), new("pk", KeyType.RANGE)], Projection = new() { ProjectionType = ProjectionType.KEYS_ONLY } }]
                : Array.Empty<GlobalSecondaryIndex>(),
        ],
        LocalSecondaryIndexes =
        [
            new() { IndexName = "by_lsk", KeySchema = [new("pk", KeyType.HASH), new("lsk", KeyType.RANGE)], Projection = new() { ProjectionType = ProjectionType.ALL } },
        ],
    };

    /// <summary>The Loader's verdict: every item as one line of a DynamoDB JSON file, read and validated as a load would; the problems by line.</summary>
    private static Dictionary<int, List<string>> Validate(List<(string Case, Dictionary<string, AttributeValue> Item)> items, TableSchema schema)
    {
        var path = LoaderRun.TempFile("edge.ddb.ndjson", "");
        using (var file = File.Create(path))
        using (var writer = new Utf8JsonWriter(file))
        {
            foreach (var (_, item) in items)
            {
                Export.DynamoJsonWriter.WriteItem(writer, item);
                writer.Flush();
                writer.Reset();
                file.WriteByte((byte)'\n');
            }
        }

        var outcome = InputValidator.Validate([new RecordSource(path, Input.InputFormat.DdbJson)], schema, DuplicatePolicy.Fail, 1_000_000, CancellationToken.None);
        File.Delete(path);
        return outcome.Errors.GroupBy(e => e.Line).ToDictionary(g => g.Key, g => g.Select(e => e.ToString()).ToList());
    }

    private static async Task<string?> PutAsync(IAmazonDynamoDB client, string table, Dictionary<string, AttributeValue> item)
    {
        try
        {
            await client.PutItemAsync(new PutItemRequest { TableName = table, Item = item });
            return null;
        }
        catch (AmazonServiceException e)
        {
            return $"{(int)e.StatusCode} {e.ErrorCode}: {e.Message}";
        }
    }

    /// <summary>An item as text that is equal for items DynamoDB holds equal: attributes and map keys in order, numbers by value, sets as sets.</summary>
    private static string Canonical(Dictionary<string, AttributeValue> item)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in item.OrderBy(kv => kv.Key, StringComparer.Ordinal)) text.Append(name).Append('=').Append(Canonical(value)).Append(';');
        return text.ToString();
    }

    private static string Canonical(AttributeValue value) =>
        value.S is not null ? "S:" + value.S
        : value.N is not null ? "N:" + ItemKey.CanonicalNumber(value.N)
        : value.B is not null ? "B:" + Convert.ToBase64String(value.B.ToArray())
        : value.BOOL is { } b ? "BOOL:" + b
        : value.NULL is not null ? "NULL"
        : value.SS is not null ? "SS:" + string.Join(",", value.SS.Order(StringComparer.Ordinal))
        : value.NS is not null ? "NS:" + string.Join(",", value.NS.Select(ItemKey.CanonicalNumber).Order(StringComparer.Ordinal))
        : value.BS is not null ? "BS:" + string.Join(",", value.BS.Select(b => Convert.ToBase64String(b.ToArray())).Order(StringComparer.Ordinal))
        : value.L is not null ? "L[" + string.Join(",", value.L.Select(Canonical)) + "]"
        : value.M is not null ? "M{" + Canonical(value.M) + "}"
        : "?";
}
