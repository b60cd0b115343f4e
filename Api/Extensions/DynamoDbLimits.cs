using Amazon.DynamoDBv2;
using Microsoft.AspNetCore.Mvc;

namespace CafeMenu.Api.Extensions;

/// <summary>
/// DynamoDB's own size limits, as a 400 rather than a 500. The Api checks names and items before writing, so this is
/// the backstop for what it cannot see in advance: a PATCH that grows an item another tool stored near 400 KB.
/// </summary>
internal static class DynamoDbLimits
{
    public static ProblemDetails? Describe(Exception exception)
    {
        if (exception is not AmazonDynamoDBException { ErrorCode: "ValidationException" } e) return null;
        var message = e.Message ?? "";
        if (!message.Contains("size", StringComparison.OrdinalIgnoreCase)) return null;
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { ["item"] = ["DynamoDB refused the item for its size (items under 400 KB, keys at most 2,048 bytes)."] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Item too large",
            Detail = "Nothing was written: DynamoDB refused the item for its size. Shorten the description or tags.",
        };
    }
}
