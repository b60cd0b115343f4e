using System.Text.Json;
using System.Text.RegularExpressions;
using CafeMenu.Api.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CafeMenu.Api.Extensions;

/// <summary>
/// Turns the exceptions a client can cause or wait out into ProblemDetails: unreadable bodies (400, 413, 415) and an
/// unavailable or throttling DynamoDB (503 with Retry-After). Anything else stays a 500 from the default handler.
/// </summary>
internal sealed partial class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            problem = FromBadRequest(context, bad);
            Log.RequestRejected(logger, problem.Status ?? 400, problem.Title ?? "");
        }
        else if (DynamoDbUnavailable.Reason(exception, context.RequestAborted.IsCancellationRequested) is { } reason)
        {
            Log.DynamoDbUnavailable(logger, reason, ApiLimits.RetryAfterSeconds);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Menu storage unavailable",
                Detail = $"The menu cannot be reached right now ({reason}). Nothing was changed by this request; retry after {ApiLimits.RetryAfterSeconds} seconds.",
            };
            context.Response.Headers.RetryAfter = ApiLimits.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            return false;
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromBadRequest(HttpContext context, BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => new()
        {
            Status = bad.StatusCode,
            Title = "Request body too large",
            Detail = ApiProblemDetails.TooLargeDetail(context),
        },
        StatusCodes.Status415UnsupportedMediaType => new()
        {
            Status = bad.StatusCode,
            Title = "Unsupported media type",
            Detail = $"Send the body as application/json (got '{context.Request.ContentType ?? "no Content-Type"}').",
        },
        _ when bad.InnerException is JsonException json => new()
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Malformed JSON body",
            Detail = DescribeJsonError(json),
            Extensions = { ["path"] = json.Path },
        },
        _ => new()
        {
            Status = bad.StatusCode,
            Title = "Bad request",
            Detail = bad.Message.Contains("from body", StringComparison.Ordinal)
                ? "A JSON body is required; send it with Content-Type: application/json."
                : bad.Message,
        },
    };

    /// <summary>System.Text.Json's messages name .NET types; say the same in the API's own terms.</summary>
    private static string DescribeJsonError(JsonException json)
    {
        var at = json.Path ?? "$";
        if (UnknownField().Match(json.Message) is { Success: true } unknown)
        {
            return $"Unknown field '{unknown.Groups[1].Value}' at {at}. Only the documented snake_case fields are accepted (see /openapi/v1.json).";
        }

        if (MissingFields().Match(json.Message) is { Success: true } missing)
        {
            return $"Missing required field(s): {missing.Groups[1].Value}.";
        }

        return $"The body could not be read at {at} (line {json.LineNumber + 1}, byte {json.BytePositionInLine}): " +
            "check the JSON syntax and that each field has the documented type (prices are numbers or numeric strings with at most 2 decimals).";
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownField();

    [GeneratedRegex("missing required properties including: (.+?)\\.?$")]
    private static partial Regex MissingFields();
}
