using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Menu;

/// <summary>The café's table: names of the table, its key, its sparse index and every attribute.</summary>
public static class MenuTable
{
    public const string DefaultName = "FoodProducts";
    public const string SpecialIndex = "special_GSI";

    public static class Attributes
    {
        public const string ProductName = "product_name";
        public const string ProductId = "product_id";
        public const string Description = "description";
        public const string Price = "price";
        public const string ProductGroup = "product_group";
        public const string Tags = "tags";
        public const string Special = "special";
        public const string Version = "version";
        public const string UpdatedAt = "updated_at";

        /// <summary>Portions left (N); absent on items the café does not count. An order takes its portions in the same transaction.</summary>
        public const string Stock = "stock";
    }

    /// <summary>The value of <c>special</c> on an item that is on special; items off special have no such attribute.</summary>
    public const string SpecialOn = "1";

    /// <summary>The tag that hides an item from the specials.</summary>
    public const string OutOfStockTag = "out of stock";

    /// <summary>The table definition: key <c>product_name</c>, on-demand, sparse GSI <c>special_GSI</c> on <c>special</c> (N), projection ALL.</summary>
    public static CreateTableRequest Definition(string tableName = DefaultName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(Attributes.ProductName, ScalarAttributeType.S),
            new AttributeDefinition(Attributes.Special, ScalarAttributeType.N),
        ],
        KeySchema = [new KeySchemaElement(Attributes.ProductName, KeyType.HASH)],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = SpecialIndex,
                KeySchema = [new KeySchemaElement(Attributes.Special, KeyType.HASH)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ],
    };
}
