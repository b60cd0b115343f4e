using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace CafeMenu.Api.Extensions;

/// <summary>Fills what every ProblemDetails must carry (type, title, a detail that says what to fix), whoever wrote it; ASP.NET Core adds the trace id.</summary>
internal static class ApiProblemDetails
{
    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        var status = problem.Status ?? http.Response.StatusCode;
        problem.Status = status;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        // ASP.NET Core knows RFC links for the common codes; these two it leaves empty.
        problem.Type ??= status switch
        {
            StatusCodes.Status413PayloadTooLarge => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
            StatusCodes.Status428PreconditionRequired => "https://tools.ietf.org/html/rfc6585#section-3",
            _ => "about:blank",
        };
        problem.Detail ??= status switch
        {
            StatusCodes.Status404NotFound => $"No endpoint matches {http.Request.Method} {http.Request.Path}. The routes are listed in /openapi/v1.json.",
            StatusCodes.Status405MethodNotAllowed => $"{http.Request.Path} does not accept {http.Request.Method}. The routes are listed in /openapi/v1.json.",
            StatusCodes.Status413PayloadTooLarge => TooLargeDetail(http),
            StatusCodes.Status415UnsupportedMediaType => $"Send the body as application/json (got '{http.Request.ContentType ?? "no Content-Type"}').",
            StatusCodes.Status500InternalServerError => "An unexpected error occurred; the trace id identifies it in the logs.",
            _ => null,
        };
        problem.Instance ??= http.Request.Path;
    }

    public static string TooLargeDetail(HttpContext context) =>
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize is { } limit
            ? $"The request body is larger than the {limit:N0} bytes this endpoint accepts; send fewer or smaller items."
            : "The request body is larger than this endpoint accepts; send fewer or smaller items.";
}
