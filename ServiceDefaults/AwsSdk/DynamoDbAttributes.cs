namespace CafeMenu.ServiceDefaults.AwsSdk;

/// <summary>Attribute and event names from the OpenTelemetry semantic conventions for DynamoDB (and ours, where they have none).</summary>
internal static class DynamoDbAttributes
{
    public const string DbSystemName = "db.system.name";
    public const string DbSystemValue = "aws.dynamodb";
    public const string TableNames = "aws.dynamodb.table_names";
    public const string IndexName = "aws.dynamodb.index_name";
    public const string ConsumedCapacity = "aws.dynamodb.consumed_capacity";
    public const string ConsistentRead = "aws.dynamodb.consistent_read";
    public const string Limit = "aws.dynamodb.limit";
    public const string Projection = "aws.dynamodb.projection";
    public const string Select = "aws.dynamodb.select";
    public const string Segment = "aws.dynamodb.segment";
    public const string TotalSegments = "aws.dynamodb.total_segments";
    public const string Count = "aws.dynamodb.count";
    public const string ScannedCount = "aws.dynamodb.scanned_count";
    public const string TableCount = "aws.dynamodb.table_count";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string CloudRegion = "cloud.region";
    public const string AwsErrorCode = "aws.error_code";

    /// <summary>Our event for a condition that did not hold: an expected outcome (the caller answers 409 or skips), not an error.</summary>
    public const string ConditionalCheckFailedEvent = "aws.dynamodb.conditional_check_failed";

    /// <summary>Our attribute on that event: the cancellation reason codes of a cancelled transaction, in item order.</summary>
    public const string CancellationReasons = "aws.dynamodb.cancellation_reasons";

    /// <summary>Tag on our consumed-capacity counter: one table per measurement.</summary>
    public const string TableName = "aws.dynamodb.table_name";
}
