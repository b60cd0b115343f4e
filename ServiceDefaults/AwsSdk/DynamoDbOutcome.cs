using Amazon.DynamoDBv2.Model;

namespace CafeMenu.ServiceDefaults.AwsSdk;

/// <summary>Which DynamoDB exceptions are an answer rather than a failure.</summary>
internal static class DynamoDbOutcome
{
    private const string ConditionalCheckFailed = "ConditionalCheckFailed";
    private const string NoReason = "None";

    /// <summary>
    /// A condition that did not hold: <see cref="ConditionalCheckFailedException"/>, or a transaction cancelled only
    /// because of such conditions (every other item reports "None"). Callers turn it into a 409 or a skip.
    /// </summary>
    public static bool IsConditionNotMet(Exception exception) => exception switch
    {
        ConditionalCheckFailedException => true,
        TransactionCanceledException { CancellationReasons: { Count: > 0 } reasons } =>
            reasons.Any(r => r.Code == ConditionalCheckFailed)
            && reasons.All(r => r.Code is ConditionalCheckFailed or NoReason or null),
        _ => false,
    };

    public static string[] CancellationReasonCodes(Exception exception) =>
        exception is TransactionCanceledException { CancellationReasons: { } reasons }
            ? reasons.Select(r => r.Code ?? NoReason).ToArray()
            : [];
}
