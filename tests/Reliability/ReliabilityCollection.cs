using CafeMenu.TestSupport;

namespace CafeMenu.Reliability;

/// <summary>The Api tests of this project share one in-memory DynamoDB Local; each class has its own Api and table.</summary>
[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<DynamoDbLocalFixture>
{
    public const string Name = "reliability-dynamodb";
}
