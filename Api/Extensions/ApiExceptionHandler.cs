using CafeMenu.Api.Apis;
using CafeMenu.Api.Data;
using CafeMenu.Api.Telemetry;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CafeMenu.Api.Extensions;

/// <summary>
/// Turns the exceptions a client can cause or wait out into ProblemDetails: unreadable bodies (400 with errors.field,
/// 413, 415), a stored item the Api cannot represent (422), a write DynamoDB refuses for its size (400), and an
/// unavailable or throttling DynamoDB (503 with Retry-After). Anything else stays a 500 from the default handler.
/// </summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problemDetails, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            problem = BadRequests.Describe(context, bad);
            Log.RequestRejected(logger, problem.Status ?? 400, problem.Title ?? "");
        }
        else if (exception is UnrepresentableItemException unrepresentable)
        {
            problem = MenuProblems.Unrepresentable(unrepresentable, IsMenuRoute(context));
            context.RequestServices.GetRequiredService<ApiTelemetry>().Unrepresentable(context.Request.Method);
            Log.UnrepresentableItem(logger, unrepresentable.ProductName, context.Request.Method, unrepresentable.Problem);
        }
        else if (DynamoDbLimits.Describe(exception) is { } limit)
        {
            problem = limit;
            Log.RequestRejected(logger, problem.Status ?? 400, problem.Title ?? "");
        }
        else if (DynamoDbUnavailable.Reason(exception, context.RequestAborted.IsCancellationRequested) is { } reason)
        {
            Log.DynamoDbUnavailable(logger, reason, ApiLimits.RetryAfterSeconds);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = IsMenuRoute(context) ? "Menu storage unavailable" : "Order storage unavailable",
                Detail = $"The {(IsMenuRoute(context) ? "menu" : "orders")} cannot be reached right now ({reason}). Nothing was changed by this request; retry after {ApiLimits.RetryAfterSeconds} seconds.",
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

    private static bool IsMenuRoute(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/menu", StringComparison.OrdinalIgnoreCase)
        || context.Request.Path.StartsWithSegments("/maintenance", StringComparison.OrdinalIgnoreCase);
}
