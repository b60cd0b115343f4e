using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using CafeMenu.TestSupport;

namespace CafeMenu.Menu.Tests;

public class TableSetupTests(DynamoDbLocalFixture dynamo) : IClassFixture<DynamoDbLocalFixture>
{
    [Fact]
    public async Task EnsureTable_creates_the_table_with_its_sparse_index_once()
    {
        using var client = dynamo.CreateClient();
        var name = DynamoDbLocalFixture.UniqueTableName("menu");

        Assert.True(await TableSetup.EnsureMenuTableAsync(client, name));
        Assert.False(await TableSetup.EnsureMenuTableAsync(client, name));

        var table = (await client.DescribeTableAsync(name)).Table;
        Assert.Equal("product_name", Assert.Single(table.KeySchema).AttributeName);
        var index = Assert.Single(table.GlobalSecondaryIndexes);
        Assert.Equal(MenuTable.SpecialIndex, index.IndexName);
        Assert.Equal("special", Assert.Single(index.KeySchema).AttributeName);
    }

    [Fact]
    public async Task Only_items_on_special_appear_in_the_index()
    {
        using var client = dynamo.CreateClient();
        var name = DynamoDbLocalFixture.UniqueTableName("menu");
        await TableSetup.EnsureMenuTableAsync(client, name);
        await client.PutItemAsync(name, MenuItemMapper.ToAttributes(new MenuItem { ProductName = "Scone", Price = 2.80m, Special = 1 }));
        await client.PutItemAsync(name, MenuItemMapper.ToAttributes(new MenuItem { ProductName = "Bagel", Price = 3.10m }));

        var scan = await client.ScanAsync(new ScanRequest { TableName = name, IndexName = MenuTable.SpecialIndex });

        Assert.Equal("Scone", Assert.Single(scan.Items)["product_name"].S);
    }
}
