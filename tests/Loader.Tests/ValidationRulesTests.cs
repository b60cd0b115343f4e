using KeyType = Amazon.DynamoDBv2.KeyType;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Loader.Input;
using CafeMenu.Loader.Validation;
using CafeMenu.Loader.Writing;
using CafeMenu.Menu;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// The cases DynamoDB refused at write time after validation had passed them (issue 17), in every input format, without a
/// server; DynamoAgreementTests checks the same rules against DynamoDB Local.
/// </summary>
public class ValidationRulesTests
{
    private static readonly TableSchema Menu = TableSchema.From(MenuTable.Definition("t"));

    private static ValidationOutcome Validate(string name, string content, Input.InputFormat? format = null)
    {
        var path = LoaderRun.TempFile(name, content);
        return InputValidator.Validate([new RecordSource(path, format ?? InputFormats.Infer(path)!.Value)], Menu, DuplicatePolicy.Fail, 100, CancellationToken.None);
    }

    private static ValidationError SingleError(string name, string content)
    {
        var outcome = Validate(name, content);
        Assert.False(outcome.IsValid, $"{name} passed validation");
        return Assert.Single(outcome.Errors);
    }

    [Theory]
    [InlineData("null.ndjson", "{\"product_name\":\"Latte\",\"special\":null}", 1)]
    [InlineData("null.json", "[\n{\"product_name\":\"Latte\",\"special\":null}\n]", 2)]
    [InlineData("null.csv", "product_name,special:NULL\nLatte,x\n", 2)]
    [InlineData("null.ddb.json", "{\"Item\":{\"product_name\":{\"S\":\"Latte\"},\"special\":{\"NULL\":true}}}", 1)]
    [InlineData("string.csv", "product_name,special\nLatte,1\n", 2)]
    [InlineData("bool.ndjson", "{\"product_name\":\"Latte\",\"special\":true}", 1)]
    public void An_index_key_of_another_type_NULL_included_is_refused_in_every_format(string name, string content, int line)
    {
        var error = SingleError(name, content);

        Assert.Equal(line, error.Line);
        Assert.Equal("special", error.Attribute);
        Assert.Contains("index key attribute must be of type N", error.Reason);
        Assert.Contains("partition key of index special_GSI", error.Reason);
    }

    private static readonly TableSchema Indexed = TableSchema.From(new CreateTableRequest
    {
        KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
        AttributeDefinitions = [new("pk", "S"), new("sk", "S"), new("gpk", "S"), new("gsk", "B"), new("lsk", "S"), new("both", "S")],
        GlobalSecondaryIndexes =
        [
            new() { IndexName = "gsi1", KeySchema = [new("gpk", KeyType.HASH), new("gsk", KeyType.RANGE)] },
            new() { IndexName = "gsi2", KeySchema = [new("both", KeyType.HASH)] },
        ],
        LocalSecondaryIndexes = [new() { IndexName = "lsi1", KeySchema = [new("pk", KeyType.HASH), new("lsk", KeyType.RANGE)] }, new() { IndexName = "lsi2", KeySchema = [new("pk", KeyType.HASH), new("both", KeyType.RANGE)] }],
    });

    [Theory]
    [InlineData("gpk", "S", 2048, true)]
    [InlineData("gpk", "S", 2049, false)]
    [InlineData("gsk", "B", 1024, true)]
    [InlineData("gsk", "B", 1025, false)]
    [InlineData("lsk", "S", 1024, true)]
    [InlineData("lsk", "S", 1025, false)]
    [InlineData("both", "S", 1025, false)] // a GSI partition key and an LSI sort key: the stricter limit holds
    public void Index_keys_are_held_to_DynamoDB_key_sizes(string attribute, string type, int bytes, bool valid)
    {
        var item = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "p" }, ["sk"] = new() { S = "s" } };
        item[attribute] = type == "S" ? new() { S = new string('é', bytes / 2) + new string('x', bytes % 2) } : new() { B = new MemoryStream(new byte[bytes]) };

        var problems = ItemRules.Check(item, Indexed);

        if (valid)
        {
            Assert.Empty(problems);
            return;
        }

        var (name, reason) = Assert.Single(problems);
        Assert.Equal(attribute, name);
        Assert.Contains($"is {bytes:N0} bytes; DynamoDB allows at most {(bytes > 2048 ? 2048 : 1024):N0}", reason);
    }

    private static readonly TableSchema Inverted = TableSchema.From(new CreateTableRequest
    {
        KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
        AttributeDefinitions = [new("pk", "S"), new("sk", "S")],
        GlobalSecondaryIndexes = [new() { IndexName = "inverted", KeySchema = [new("sk", KeyType.HASH), new("pk", KeyType.RANGE)] }],
    });

    [Theory]
    [InlineData("pk", 1024, null)]
    [InlineData("pk", 1025, "the sort key of index inverted is 1,025 bytes; DynamoDB allows at most 1,024")]
    [InlineData("pk", 2049, "the sort key of index inverted is 2,049 bytes; DynamoDB allows at most 1,024")] // once, at the lower limit
    [InlineData("sk", 1024, null)]
    [InlineData("sk", 1025, "the sort key is 1,025 bytes; DynamoDB allows at most 1,024")] // its own limit, stricter than the index's 2,048
    public void A_table_key_that_an_index_holds_to_less_is_refused_at_the_index_limit(string attribute, int bytes, string? reason)
    {
        var item = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "p" }, ["sk"] = new() { S = "s" } };
        item[attribute] = new() { S = new string('k', bytes) };

        var problems = ItemRules.Check(item, Inverted);

        if (reason is null)
        {
            Assert.Empty(problems);
            return;
        }

        Assert.Equal((attribute, reason), Assert.Single(problems));
    }

    // Set members equal by value (numbers by value, binary by decoded bytes) and empty names at any depth, in every format.
    [Theory]
    [InlineData("ns.ddb.json", "{\"product_name\":{\"S\":\"a\"},\"n\":{\"NS\":[\"1\",\"1.0\"]}}", "n", "refuses duplicates in a set")]
    [InlineData("ns-zero.ddb.json", "{\"product_name\":{\"S\":\"a\"},\"n\":{\"NS\":[\"0\",\"-0.00\"]}}", "n", "refuses duplicates in a set")]
    [InlineData("ns.csv", "product_name,n:NS\na,\"[2, 20E-1]\"\n", "n", "refuses duplicates in a set")]
    [InlineData("ns-strings.csv", "product_name,n:NS\na,\"[\"\"5\"\", 5.000]\"\n", "n", "refuses duplicates in a set")]
    [InlineData("bs.ddb.json", "{\"product_name\":{\"S\":\"a\"},\"b\":{\"BS\":[\"YWJj\",\"YW Jj\"]}}", "b", "refuses duplicates in a set")]
    [InlineData("ss.ddb.json", "{\"product_name\":{\"S\":\"a\"},\"s\":{\"SS\":[\"x\",\"x\"]}}", "s", "refuses duplicates in a set")]
    [InlineData("nested.ddb.json", "{\"product_name\":{\"S\":\"a\"},\"l\":{\"L\":[{\"M\":{\"k\":{\"NS\":[\"1E2\",\"100\"]}}}]}}", "l[0].k", "refuses duplicates in a set")]
    [InlineData("map.ndjson", "{\"product_name\":\"a\",\"m\":{\"\":1}}", "m", "empty")]
    [InlineData("list.ndjson", "{\"product_name\":\"a\",\"l\":[{\"\":2}]}", "l[0]", "empty")]
    [InlineData("deep.json", "[{\"product_name\":\"a\",\"m\":{\"x\":{\"y\":[1,{\"\":3}]}}}]", "m.x.y[1]", "empty")]
    [InlineData("map.csv", "product_name,m:M,l:JSON\na,\"{\"\"\"\":1}\",\n", "m", "empty")]
    [InlineData("list.csv", "product_name,l:L\na,\"[{\"\"\"\":1}]\"\n", "l[0]", "empty")]
    [InlineData("map.ddb.json", "{\"product_name\":{\"S\":\"a\"},\"m\":{\"M\":{\"\":{\"N\":\"1\"}}}}", "m", "empty")]
    [InlineData("list.ddb.json", "{\"product_name\":{\"S\":\"a\"},\"l\":{\"L\":[{\"M\":{\"\":{\"N\":\"2\"}}}]}}", "l[0]", "empty")]
    [InlineData("top.ndjson", "{\"product_name\":\"a\",\"\":1}", "\"\"", "empty")]
    public void Problems_inside_an_attribute_are_refused_with_their_path(string name, string content, string attribute, string reason)
    {
        var error = SingleError(name, content);

        Assert.Equal(attribute, error.Attribute);
        Assert.Contains(reason, error.Reason);
    }

    [Fact]
    public void Set_members_that_differ_pass()
    {
        var outcome = Validate("sets.ddb.json", "{\"product_name\":{\"S\":\"a\"},\"n\":{\"NS\":[\"1\",\"1.01\",\"-1\"]},\"b\":{\"BS\":[\"YWJj\",\"YWJk\"]},\"s\":{\"SS\":[\"x\",\"X\",\"\"]}}");

        Assert.True(outcome.IsValid, string.Join("\n", outcome.Errors));
    }

    [Theory]
    [InlineData(50_001, 1, true)] // DynamoDB Local answers HTTP 500 here; DynamoDB takes it (BadItemIsolationTests)
    [InlineData(65_535, 1, true)]
    [InlineData(65_536, 1, false)]
    [InlineData(32_767, 2, true)]
    [InlineData(32_768, 2, false)]
    public void Attribute_names_are_bounded_in_UTF8_bytes_at_any_depth(int characters, int bytesPerCharacter, bool valid)
    {
        var name = new string(bytesPerCharacter == 1 ? 'n' : 'é', characters);
        foreach (var record in new[] { $"{{\"product_name\":\"a\",\"{name}\":1}}", $"{{\"product_name\":\"a\",\"m\":{{\"{name}\":1}}}}" })
        {
            var outcome = Validate("long.ndjson", record);

            Assert.Equal(valid, outcome.IsValid);
            if (!valid) Assert.Contains($"is {characters * bytesPerCharacter:N0} bytes; the Loader allows at most 65,535", Assert.Single(outcome.Errors).Reason);
        }
    }

    [Theory]
    [InlineData(31, true)]
    [InlineData(32, false)]
    public void DynamoDB_json_nested_as_deep_as_DynamoDB_takes_is_read_and_one_deeper_is_refused_by_name(int depth, bool valid)
    {
        var value = "{\"S\":\"leaf\"}";
        for (var i = 0; i < depth; i++) value = i % 2 == 0 ? $"{{\"L\":[{value}]}}" : $"{{\"M\":{{\"k\":{value}}}}}";
        foreach (var (name, record) in new[]
        {
            ("deep.ddb.json", $"[{{\"Item\":{{\"product_name\":{{\"S\":\"a\"}},\"x\":{value}}}}}]"),
            ("deep.ddb.ndjson", $"{{\"Item\":{{\"product_name\":{{\"S\":\"a\"}},\"x\":{value}}}}}"),
        })
        {
            var outcome = Validate(name, record, Input.InputFormat.DdbJson);

            Assert.Equal(valid, outcome.IsValid);
            if (!valid) Assert.Contains("nests 32 lists and maps", Assert.Single(outcome.Errors).Reason);
        }
    }

    [Fact]
    public void Items_per_second_counts_items_written_not_items_marked_failed()
    {
        using var tally = new LoadTally(keepAll: false);
        tally.AddWritten(Enumerable.Range(0, 10).Select(i => new PendingItem("f", i, $"w{i}", [], null)).ToList());
        for (var i = 0; i < 90; i++) tally.AddFailed(new PendingItem("f", i, $"k{i}", [], null), "not written: the load was cancelled");

        Assert.Equal(10, tally.WrittenPerSecond(TimeSpan.FromSeconds(1)));
    }
}
