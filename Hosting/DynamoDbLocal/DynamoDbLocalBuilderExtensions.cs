using CafeMenu.Hosting.DynamoDbLocal;
using Microsoft.Extensions.Configuration;

namespace CafeMenu.Hosting;

public static class DynamoDbLocalBuilderExtensions
{
    public const string InMemoryKey = "DynamoDb:InMemory";
    public const string DataPathKey = "DynamoDb:DataPath";
    public const string DefaultDataPath = ".data/dynamodb";

    /// <summary>
    /// Adds DynamoDB Local. Data is kept in <c>&lt;repository&gt;/.data/dynamodb</c> (configuration DynamoDb:DataPath, relative
    /// to the repository root) unless the AppHost runs with <c>--in-memory</c> (configuration DynamoDb:InMemory=true).
    /// Ready when ListTables answers.
    /// </summary>
    public static IResourceBuilder<DynamoDbLocalResource> AddDynamoDBLocal(this IDistributedApplicationBuilder builder, string name)
    {
        var model = AppModel.Of(builder);
        var resource = new DynamoDbLocalResource(name);
        if (!builder.Configuration.GetValue<bool>(InMemoryKey))
        {
            var dataPath = builder.Configuration[DataPathKey];
            resource.DataPath = Path.GetFullPath(string.IsNullOrWhiteSpace(dataPath) ? DefaultDataPath : dataPath, model.RepositoryRoot);
        }

        return model.Add(resource, builder);
    }
}
