using Amazon.DynamoDBv2.Model;
using CafeMenu.TestSupport;

namespace CafeMenu.Loader.Tests;

/// <summary>Loads into the café's table refuse names and prices the Api would refuse; other tables are unchanged.</summary>
[Collection(DynamoCollection.Name)]
public class MenuTableRulesTests(DynamoDbLocalFixture dynamo)
{
    [Fact]
    public Task Names_that_break_the_rule_are_validation_errors_with_file_and_line_and_exit_2_and_nothing_is_written() =>
        AssertRefusedAsync("names.ndjson",
            "{\"product_name\":\"Latte\",\"price\":1}\n{\"product_name\":\"Latte \",\"price\":1}\n{\"product_name\":\"Cafe\\u0301\",\"price\":1}\n{\"product_name\":\"specials\",\"price\":1}\n",
            ":2: product_name: product_name must not start or end with whitespace",
            ":3: product_name: product_name must be in Unicode NFC",
            ":4: product_name: product_name must not be 'specials'");

    [Fact]
    public Task Prices_the_api_would_refuse_are_validation_errors_with_file_and_line_and_exit_2_and_nothing_is_written() =>
        AssertRefusedAsync("prices.ndjson",
            "{\"product_name\":\"Ok\",\"price\":2.50}\n{\"product_name\":\"Tenth of a cent\",\"price\":0.001}\n{\"product_name\":\"Negative\",\"price\":-1}\n{\"product_name\":\"Text\",\"price\":\"4.50\"}\n",
            ":2: price: price must have at most 2 decimal places",
            ":3: price: price must be zero or positive",
            ":4: price: price must be a number (N)");

    /// <summary>Loads <paramref name="content"/> into a new café table: exit 2, each expected error at its line, line 1 fine, nothing written.</summary>
    private async Task AssertRefusedAsync(string fileName, string content, params string[] expected)
    {
        var table = DynamoDbLocalFixture.UniqueTableName("menurules");
        var file = LoaderRun.TempFile(fileName, content);

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--create-table", "--progress", "none");

        Assert.Equal(2, run.ExitCode);
        foreach (var error in expected) Assert.Contains(file + error, run.Output);
        Assert.DoesNotContain($"{file}:1:", run.Output);
        using var client = dynamo.CreateClient();
        Assert.Empty(await LoaderRun.ScanAllAsync(client, table));
    }

    [Fact]
    public async Task A_table_of_another_key_takes_the_same_names_unchecked()
    {
        var table = DynamoDbLocalFixture.UniqueTableName("otherkey");
        using var client = dynamo.CreateClient();
        await client.CreateTableAsync(new CreateTableRequest
        {
            TableName = table,
            KeySchema = [new KeySchemaElement("id", Amazon.DynamoDBv2.KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition("id", Amazon.DynamoDBv2.ScalarAttributeType.S)],
            BillingMode = Amazon.DynamoDBv2.BillingMode.PAY_PER_REQUEST,
        });
        var file = LoaderRun.TempFile("other.ndjson", "{\"id\":\"Latte \",\"product_name\":\"Latte \",\"price\":0.001}\n");

        var run = await LoaderRun.RunAsync(dynamo, "load", file, "--table", table, "--progress", "none");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Single(await LoaderRun.ScanAllAsync(client, table));
    }
}
