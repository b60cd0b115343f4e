using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;

namespace CafeMenu.Api.Tests;

/// <summary>The CloudFormation template for real AWS describes the same tables as the code creates locally.</summary>
public sealed class InfraTemplateTests
{
    [Fact]
    public void The_menu_table_matches_MenuTable_Definition() =>
        AssertMatches(InfraTemplate.MenuTable, "MenuTableName", MenuTable.Definition());

    [Fact]
    public void The_orders_table_matches_OrdersTable_Definition() =>
        AssertMatches(InfraTemplate.OrdersTable, "OrdersTableName", OrdersTable.Definition());

    [Fact]
    public void The_orders_table_expires_orders_by_their_TTL_attribute()
    {
        // The code sets TTL with UpdateTimeToLive after CreateTable; the template must name the same attribute.
        var ttl = InfraTemplate.Properties(InfraTemplate.OrdersTable).GetProperty("TimeToLiveSpecification");
        Assert.Equal(OrdersTable.Attributes.ExpiresAt, ttl.GetProperty("AttributeName").GetString());
        Assert.True(ttl.GetProperty("Enabled").GetBoolean());
    }

    [Theory]
    [InlineData(InfraTemplate.MenuTable)]
    [InlineData(InfraTemplate.OrdersTable)]
    public void Every_table_is_retained_recoverable_and_encrypted(string logicalId)
    {
        var resource = InfraTemplate.Resource(logicalId);
        Assert.Equal("Retain", resource.GetProperty("DeletionPolicy").GetString());
        Assert.Equal("Retain", resource.GetProperty("UpdateReplacePolicy").GetString());
        var table = resource.GetProperty("Properties");
        Assert.True(table.GetProperty("PointInTimeRecoverySpecification").GetProperty("PointInTimeRecoveryEnabled").GetBoolean());
        Assert.True(table.GetProperty("SSESpecification").GetProperty("SSEEnabled").GetBoolean());
    }

    private static void AssertMatches(string logicalId, string nameParameter, CreateTableRequest definition)
    {
        var resource = InfraTemplate.Resource(logicalId);
        Assert.Equal("AWS::DynamoDB::Table", resource.GetProperty("Type").GetString());
        var table = resource.GetProperty("Properties");
        Assert.Equal(nameParameter, table.GetProperty("TableName").GetProperty("Ref").GetString());
        Assert.Equal(definition.TableName, InfraTemplate.Root.GetProperty("Parameters").GetProperty(nameParameter).GetProperty("Default").GetString());

        Assert.Equal(definition.BillingMode.Value, table.GetProperty("BillingMode").GetString());
        Assert.False(table.TryGetProperty("ProvisionedThroughput", out _));
        Assert.Equal(
            definition.AttributeDefinitions.Select(a => (a.AttributeName, a.AttributeType.Value)).Order(),
            table.GetProperty("AttributeDefinitions").EnumerateArray()
                .Select(a => (a.GetProperty("AttributeName").GetString()!, a.GetProperty("AttributeType").GetString()!)).Order());
        Assert.Equal(KeySchema(definition.KeySchema), KeySchema(table.GetProperty("KeySchema")));

        AssertIndexes(
            (definition.GlobalSecondaryIndexes ?? []).Select(i => (i.IndexName, i.KeySchema, i.Projection)),
            table, "GlobalSecondaryIndexes");
        AssertIndexes(
            (definition.LocalSecondaryIndexes ?? []).Select(i => (i.IndexName, i.KeySchema, i.Projection)),
            table, "LocalSecondaryIndexes");
    }

    /// <summary>Same index names, key schemas and projections; a table without such indexes has no such property.</summary>
    private static void AssertIndexes(IEnumerable<(string Name, List<KeySchemaElement> Keys, Projection Projection)> expected, JsonElement table, string property)
    {
        var wanted = expected.ToList();
        var actual = table.TryGetProperty(property, out var list) ? list.EnumerateArray().ToList() : [];
        Assert.Equal(wanted.Select(i => i.Name).Order(), actual.Select(i => i.GetProperty("IndexName").GetString()!).Order());
        foreach (var (name, keys, projection) in wanted)
        {
            var index = actual.Single(i => i.GetProperty("IndexName").GetString() == name);
            Assert.Equal(KeySchema(keys), KeySchema(index.GetProperty("KeySchema")));
            var actualProjection = index.GetProperty("Projection");
            Assert.Equal(projection.ProjectionType.Value, actualProjection.GetProperty("ProjectionType").GetString());
            Assert.Equal(
                (projection.NonKeyAttributes ?? []).Order(),
                actualProjection.TryGetProperty("NonKeyAttributes", out var attributes) ? attributes.EnumerateArray().Select(a => a.GetString()!).Order() : []);
        }
    }

    private static List<(string, string)> KeySchema(IEnumerable<KeySchemaElement> keys) =>
        keys.Select(k => (k.AttributeName, k.KeyType.Value)).ToList();

    private static List<(string, string)> KeySchema(JsonElement keys) =>
        keys.EnumerateArray().Select(k => (k.GetProperty("AttributeName").GetString()!, k.GetProperty("KeyType").GetString()!)).ToList();
}
