using CafeMenu.TestSupport;

namespace CafeMenu.ServiceDefaults.Tests;

[CollectionDefinition(Name)]
public sealed class DynamoDbLocalCollection : ICollectionFixture<DynamoDbLocalFixture>
{
    public const string Name = "DynamoDB Local";
}
