using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace CafeMenu.Api.Extensions;

/// <summary>Recognises the failures that mean "DynamoDB cannot serve this now, try again shortly" (503), as opposed to bugs (500).</summary>
internal static class DynamoDbUnavailable
{
    private static readonly HashSet<string> RetryableCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "ProvisionedThroughputExceededException", "RequestLimitExceeded",
        "ThrottlingError", "ProvisionedThroughputExceeded", "TransactionConflict", "TransactionInProgressException",
        "InternalServerError", "ServiceUnavailable",
    };

    /// <returns>A reason for logs and the ProblemDetails, or null when the exception is something else.</returns>
    public static string? Reason(Exception exception, bool requestAborted)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case ResourceNotFoundException:
                    return "a table of the Api does not exist (yet)";
                case TransactionCanceledException cancelled when cancelled.CancellationReasons?.Any(r => RetryableCodes.Contains(r.Code ?? "")) == true:
                    return "DynamoDB cancelled the transaction because of throttling or a concurrent transaction";
                case AmazonServiceException service when RetryableCodes.Contains(service.ErrorCode ?? "") || (int)service.StatusCode >= 500:
                    return $"DynamoDB answered {service.ErrorCode ?? ((int)service.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)} beyond the retries";
                case HttpRequestException or SocketException or TimeoutException or IOException:
                    return "DynamoDB is unreachable";
                case OperationCanceledException when !requestAborted:
                    // The SDK's per-attempt timeout surfaces as a cancellation the client did not ask for.
                    return "DynamoDB did not answer within the client timeout";
            }
        }

        return null;
    }
}
