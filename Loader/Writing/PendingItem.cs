using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Loader.Writing;

/// <summary>An item on its way to the table, with where it came from and its key (canonical to match answers, readable for the report).</summary>
internal sealed record PendingItem(string File, int Line, string CanonicalKey, string DisplayKey, Dictionary<string, AttributeValue> Item);
