using System.Reflection;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CafeMenu.ServiceDefaults.AwsSdk;

namespace CafeMenu.ServiceDefaults.Tests;

/// <summary>
/// The telemetry reads requests and responses through typed code (the Loader is compiled ahead of time, where reflection is not
/// guaranteed). Here reflection checks that code against the SDK: a request type added by an SDK update fails these tests.
/// </summary>
public class DynamoDbRequestInfoTests
{
    private static IEnumerable<Type> RequestTypesWith(string property, Type propertyType) =>
        typeof(PutItemRequest).Assembly.GetTypes()
            .Where(t => t is { IsPublic: true, IsAbstract: false } && typeof(AmazonDynamoDBRequest).IsAssignableFrom(t))
            .Where(t => t.GetProperty(property, BindingFlags.Public | BindingFlags.Instance)?.PropertyType == propertyType);

    /// <summary>A response with DynamoDB's <see cref="ConsumedCapacity"/> (one or a list); SearchVectors reports a capacity of another kind.</summary>
    private static bool CarriesConsumedCapacity(Type response) =>
        response.GetProperty("ConsumedCapacity", BindingFlags.Public | BindingFlags.Instance)?.PropertyType is { } type
        && (type == typeof(ConsumedCapacity) || type == typeof(List<ConsumedCapacity>));

    [Fact]
    public void Every_request_that_names_one_table_gives_it_to_the_span()
    {
        var types = RequestTypesWith("TableName", typeof(string)).ToList();
        Assert.True(types.Count >= 20, $"{types.Count} request types with TableName");
        var missed = types.Where(type =>
        {
            var request = (AmazonWebServiceRequest)Activator.CreateInstance(type)!;
            type.GetProperty("TableName")!.SetValue(request, "FoodProducts");
            return !DynamoDbRequestInfo.TableNames(request).SequenceEqual(["FoodProducts"]);
        });
        Assert.Empty(missed.Select(t => t.Name));
    }

    [Fact]
    public void Every_request_that_can_report_consumed_capacity_is_asked_to_unless_the_caller_chose()
    {
        var types = RequestTypesWith("ReturnConsumedCapacity", typeof(ReturnConsumedCapacity))
            .Where(t => CarriesConsumedCapacity(t.Assembly.GetType(t.FullName![..^"Request".Length] + "Response")!)).ToList();
        Assert.True(types.Count >= 10, $"{types.Count} request types with ReturnConsumedCapacity");
        foreach (var type in types)
        {
            var property = type.GetProperty("ReturnConsumedCapacity")!;
            var unset = (AmazonWebServiceRequest)Activator.CreateInstance(type)!;
            DynamoDbRequestInfo.AskForConsumedCapacity(unset);
            Assert.True(ReturnConsumedCapacity.TOTAL == (ReturnConsumedCapacity?)property.GetValue(unset), type.Name);

            var chosen = (AmazonWebServiceRequest)Activator.CreateInstance(type)!;
            property.SetValue(chosen, ReturnConsumedCapacity.NONE);
            DynamoDbRequestInfo.AskForConsumedCapacity(chosen);
            Assert.True(ReturnConsumedCapacity.NONE == (ReturnConsumedCapacity?)property.GetValue(chosen), type.Name);
        }
    }

    [Fact]
    public void Every_response_that_carries_consumed_capacity_gives_it_to_the_span()
    {
        var capacity = new ConsumedCapacity { TableName = "FoodProducts", CapacityUnits = 1.5 };
        var types = typeof(PutItemResponse).Assembly.GetTypes()
            .Where(t => t is { IsPublic: true, IsAbstract: false } && typeof(AmazonWebServiceResponse).IsAssignableFrom(t) && CarriesConsumedCapacity(t))
            .Select(t => (Type: t, Property: t.GetProperty("ConsumedCapacity")))
            .ToList();
        Assert.True(types.Count >= 10, $"{types.Count} response types with ConsumedCapacity");
        var missed = types.Where(p =>
        {
            var response = (AmazonWebServiceResponse)Activator.CreateInstance(p.Type)!;
            p.Property!.SetValue(response, p.Property.PropertyType == typeof(ConsumedCapacity) ? capacity : new List<ConsumedCapacity> { capacity });
            return DynamoDbResponseInfo.ConsumedCapacity(response) is not [{ TableName: "FoodProducts" }];
        });
        Assert.Empty(missed.Select(p => p.Type.Name));
    }
}
