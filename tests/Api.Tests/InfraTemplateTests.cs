using System.Text.Json;
using CafeMenu.Menu;

namespace CafeMenu.Api.Tests;

/// <summary>The CloudFormation template for real AWS describes the same table as the code creates locally.</summary>
public sealed class InfraTemplateTests
{
    private static JsonElement Table()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "infra", "cafemenu-table.json");
        var template = JsonDocument.Parse(File.ReadAllText(path)).RootElement.Clone();
        var resource = Assert.Single(template.GetProperty("Resources").EnumerateObject()).Value;
        Assert.Equal("AWS::DynamoDB::Table", resource.GetProperty("Type").GetString());
        Assert.Equal(MenuTable.DefaultName, template.GetProperty("Parameters").GetProperty("TableName").GetProperty("Default").GetString());
        return resource.GetProperty("Properties");
    }

    [Fact]
    public void The_template_matches_MenuTable_Definition()
    {
        var table = Table();
        var definition = MenuTable.Definition();

        Assert.Equal(definition.BillingMode.Value, table.GetProperty("BillingMode").GetString());
        Assert.Equal(
            definition.AttributeDefinitions.Select(a => (a.AttributeName, a.AttributeType.Value)).Order(),
            table.GetProperty("AttributeDefinitions").EnumerateArray()
                .Select(a => (a.GetProperty("AttributeName").GetString()!, a.GetProperty("AttributeType").GetString()!)).Order());
        Assert.Equal(KeySchema(definition.KeySchema), KeySchema(table.GetProperty("KeySchema")));

        var indexes = table.GetProperty("GlobalSecondaryIndexes").EnumerateArray().ToList();
        Assert.Equal(definition.GlobalSecondaryIndexes.Count, indexes.Count);
        foreach (var expected in definition.GlobalSecondaryIndexes)
        {
            var index = Assert.Single(indexes, i => i.GetProperty("IndexName").GetString() == expected.IndexName);
            Assert.Equal(KeySchema(expected.KeySchema), KeySchema(index.GetProperty("KeySchema")));
            Assert.Equal(expected.Projection.ProjectionType.Value, index.GetProperty("Projection").GetProperty("ProjectionType").GetString());
        }
    }

    private static List<(string, string)> KeySchema(IEnumerable<Amazon.DynamoDBv2.Model.KeySchemaElement> keys) =>
        keys.Select(k => (k.AttributeName, k.KeyType.Value)).ToList();

    private static List<(string, string)> KeySchema(JsonElement keys) =>
        keys.EnumerateArray().Select(k => (k.GetProperty("AttributeName").GetString()!, k.GetProperty("KeyType").GetString()!)).ToList();
}
