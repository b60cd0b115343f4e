namespace CafeMenu.Api.Extensions;

/// <summary>Request size limits: a single item must fit (DynamoDB's 400 KB plus JSON), a batch up to TransactWriteItems' 4 MB.</summary>
internal static class ApiLimits
{
    public const long MaxBodyBytes = 1024 * 1024;
    public const long MaxBatchBodyBytes = 4 * 1024 * 1024;

    /// <summary>Seconds a client should wait before retrying when DynamoDB is unreachable or throttling.</summary>
    public const int RetryAfterSeconds = 2;
}
