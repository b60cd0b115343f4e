using CafeMenu.TestSupport;

namespace CafeMenu.Loader.Tests;

/// <summary>One DynamoDB Local for every integration test of the Loader; each test uses its own fresh table.</summary>
[CollectionDefinition(Name)]
public sealed class DynamoCollection : ICollectionFixture<DynamoDbLocalFixture>
{
    public const string Name = "dynamodb";
}
