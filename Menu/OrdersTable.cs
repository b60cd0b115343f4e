using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Menu;

/// <summary>
/// The café's orders: names of the table, its composite key, its indexes and every attribute. The access patterns
/// (docs/orders.md) are each served by one GetItem or Query:
/// one order (GetItem on guest_id + order_id); a guest's orders between two dates, newest first (Query on the table,
/// order_id BETWEEN, descending); the kitchen queue, open orders oldest first across guests (Query on the sparse
/// <see cref="QueueIndex"/>); a guest's orders in one status (Query on the local index <see cref="StatusIndex"/>,
/// begins_with on status_order).
/// </summary>
public static class OrdersTable
{
    public const string DefaultName = "Orders";

    /// <summary>Sparse GSI: only open orders (placed, preparing, ready) carry its key <c>queue</c>; collected and cancelled ones leave it.</summary>
    public const string QueueIndex = "queue_GSI";

    /// <summary>LSI: a guest's orders by <c>status_order</c> = status + "#" + order_id.</summary>
    public const string StatusIndex = "status_LSI";

    /// <summary>The value of <c>queue</c> on an open order.</summary>
    public const string QueueOpen = "open";

    public static class Attributes
    {
        /// <summary>Partition key: the guest who ordered.</summary>
        public const string GuestId = "guest_id";

        /// <summary>Sort key: the UTC creation time, sortable (yyyy-MM-ddTHH:mm:ss.fffZ), "#" and a random suffix, so two orders in one millisecond do not collide.</summary>
        public const string OrderId = "order_id";

        /// <summary>Partition key of <see cref="QueueIndex"/>, present only while the order is open.</summary>
        public const string Queue = "queue";

        /// <summary>Sort key of <see cref="StatusIndex"/>: status + "#" + order_id.</summary>
        public const string StatusOrder = "status_order";
        public const string Status = "status";
        public const string Lines = "lines";
        public const string Total = "total";
        public const string PickupName = "pickup_name";
        public const string Version = "version";
        public const string CreatedAt = "created_at";
        public const string UpdatedAt = "updated_at";

        /// <summary>A random id of the last status step that wrote the order: how a retried step that was applied is told from another's.</summary>
        public const string WriteId = "write_id";

        /// <summary>TTL attribute (epoch seconds): an order placed and never collected expires.</summary>
        public const string ExpiresAt = "expires_at";

        /// <summary>SHA-256 (hex) of the guest and the Idempotency-Key the order was placed with; absent without one.</summary>
        public const string IdempotencyKey = "idempotency_key";

        /// <summary>SHA-256 (hex) of the placing request's content, to tell a replay from a different order under the same key.</summary>
        public const string RequestHash = "request_hash";

        /// <summary>The products (SS) whose counted portions the order took when placed; a cancellation gives them back. Absent when none.</summary>
        public const string StockTaken = "stock_taken";
    }

    /// <summary>The attributes of each map in <c>lines</c>.</summary>
    public static class LineAttributes
    {
        public const string ProductName = "product_name";
        public const string Quantity = "quantity";
        public const string UnitPrice = "unit_price";
    }

    /// <summary>
    /// The table definition: key guest_id + order_id, on-demand, sparse GSI queue_GSI (queue, order_id), LSI status_LSI
    /// (guest_id, status_order), projections ALL. TTL on expires_at is set separately (UpdateTimeToLive).
    /// </summary>
    public static CreateTableRequest Definition(string tableName = DefaultName) => new()
    {
        TableName = tableName,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        AttributeDefinitions =
        [
            new AttributeDefinition(Attributes.GuestId, ScalarAttributeType.S),
            new AttributeDefinition(Attributes.OrderId, ScalarAttributeType.S),
            new AttributeDefinition(Attributes.Queue, ScalarAttributeType.S),
            new AttributeDefinition(Attributes.StatusOrder, ScalarAttributeType.S),
        ],
        KeySchema =
        [
            new KeySchemaElement(Attributes.GuestId, KeyType.HASH),
            new KeySchemaElement(Attributes.OrderId, KeyType.RANGE),
        ],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = QueueIndex,
                KeySchema = [new KeySchemaElement(Attributes.Queue, KeyType.HASH), new KeySchemaElement(Attributes.OrderId, KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ],
        LocalSecondaryIndexes =
        [
            new LocalSecondaryIndex
            {
                IndexName = StatusIndex,
                KeySchema = [new KeySchemaElement(Attributes.GuestId, KeyType.HASH), new KeySchemaElement(Attributes.StatusOrder, KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ],
    };
}
