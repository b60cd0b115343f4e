namespace CafeMenu.Api.Telemetry;

/// <summary>The Api's structured log messages: names and counts only, never whole items or credentials.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Created menu item {ProductName} (version {Version})")]
    public static partial void ItemCreated(ILogger logger, string productName, long version);

    [LoggerMessage(2, LogLevel.Information, "Refused to create {ProductName}: it already exists")]
    public static partial void CreateConflict(ILogger logger, string productName);

    [LoggerMessage(3, LogLevel.Information, "Created {Count} menu items in one transaction")]
    public static partial void BatchCreated(ILogger logger, int count);

    [LoggerMessage(4, LogLevel.Information, "Refused a batch of {Count}: {ExistingCount} items already exist")]
    public static partial void BatchConflict(ILogger logger, int count, int existingCount);

    [LoggerMessage(5, LogLevel.Information, "Updated {ProductName} to version {Version}")]
    public static partial void ItemUpdated(ILogger logger, string productName, long version);

    [LoggerMessage(6, LogLevel.Information, "Refused to change {ProductName}: version precondition failed")]
    public static partial void PreconditionFailed(ILogger logger, string productName);

    [LoggerMessage(7, LogLevel.Information, "Deleted {ProductName}")]
    public static partial void ItemDeleted(ILogger logger, string productName);

    [LoggerMessage(8, LogLevel.Warning, "DynamoDB is unavailable ({Reason}); answering 503 with Retry-After {RetryAfterSeconds}s")]
    public static partial void DynamoDbUnavailable(ILogger logger, string reason, int retryAfterSeconds);

    [LoggerMessage(9, LogLevel.Information, "Table {TableName} is ready")]
    public static partial void TableReady(ILogger logger, string tableName);

    [LoggerMessage(10, LogLevel.Warning, "Could not ensure table {TableName} yet ({Reason}); retrying in {DelaySeconds}s")]
    public static partial void TableNotReady(ILogger logger, string tableName, string reason, double delaySeconds);

    [LoggerMessage(11, LogLevel.Information, "Rejected a request: {Status} {Reason}")]
    public static partial void RequestRejected(ILogger logger, int status, string reason);

    [LoggerMessage(12, LogLevel.Warning, "Left {ProductName} out of {Operation}: the stored item cannot be represented ({Problem}); fix it with PATCH or the Loader")]
    public static partial void UnrepresentableItem(ILogger logger, string productName, string operation, string problem);

    [LoggerMessage(13, LogLevel.Information, "Placed order {GuestId}/{OrderId} with {LineCount} lines")]
    public static partial void OrderPlaced(ILogger logger, string guestId, string orderId, int lineCount);

    [LoggerMessage(14, LogLevel.Information, "Refused an order of {GuestId}: {Reason}")]
    public static partial void OrderRefused(ILogger logger, string guestId, string reason);

    [LoggerMessage(15, LogLevel.Information, "Moved order {GuestId}/{OrderId} from {From} to {To} (version {Version})")]
    public static partial void OrderAdvanced(ILogger logger, string guestId, string orderId, string from, string to, long version);

    [LoggerMessage(16, LogLevel.Information, "Refused to move order {GuestId}/{OrderId} to {To}: {Outcome}")]
    public static partial void OrderNotAdvanced(ILogger logger, string guestId, string orderId, string to, string outcome);
}
