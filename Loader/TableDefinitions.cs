using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;

namespace CafeMenu.Loader;

/// <summary>The café's tables that <c>--create-table</c> can create (<c>--definition</c>).</summary>
internal enum TableDefinition
{
    Menu,
    Orders,
}

/// <summary>
/// Each definition is the one in Menu/ that the Api creates too, so a table the Loader creates is the one the Api expects,
/// whichever of the two gets there first (both tolerate the other creating it meanwhile).
/// </summary>
internal static class TableDefinitions
{
    public static readonly string[] Names = ["menu", "orders"];

    public static TableDefinition Parse(string name) => name == "orders" ? TableDefinition.Orders : TableDefinition.Menu;

    public static CreateTableRequest Request(TableDefinition definition, string table) =>
        definition == TableDefinition.Orders ? OrdersTable.Definition(table) : MenuTable.Definition(table);

    /// <summary>Creates the table when missing and waits until it is ACTIVE; the orders table also gets its TTL, which CreateTable cannot set.</summary>
    /// <returns>true when this call created the table.</returns>
    public static Task<bool> EnsureAsync(IAmazonDynamoDB dynamo, TableDefinition definition, string table, TimeProvider time, CancellationToken cancellationToken) =>
        definition == TableDefinition.Orders
            ? OrdersTableSetup.EnsureAsync(dynamo, table, time, cancellationToken)
            : TableSetup.EnsureTableAsync(dynamo, MenuTable.Definition(table), time, cancellationToken);
}
