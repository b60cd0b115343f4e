using CafeMenu.Hosting;
using Microsoft.AspNetCore.Http;

namespace CafeMenu.Dashboard.Web;

/// <summary>
/// Keeps each port to its role: the UI port serves no OTLP, the OTLP ports serve nothing else, and the OTLP HTTP port
/// answers 401 without the API key.
/// </summary>
internal static class PortGate
{
    public const string ApiKeyHeader = "x-otlp-api-key";
    private const string GrpcServicePrefix = "/opentelemetry.proto.collector.";

    public static Func<HttpContext, RequestDelegate, Task> Create(DashboardOptions options) => async (context, next) =>
    {
        var port = context.Connection.LocalPort;
        var path = context.Request.Path;
        if (port == options.OtlpHttpPort)
        {
            if (!path.StartsWithSegments("/v1"))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            if (!ApiKey.Matches(context.Request.Headers[ApiKeyHeader].ToString(), options.OtlpApiKey))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsync($"The {ApiKeyHeader} header is missing or wrong.", context.RequestAborted);
                return;
            }
        }
        else if (port == options.OtlpGrpcPort)
        {
            if (!IsGrpcPath(path))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }
        }
        else if (path.StartsWithSegments("/v1") || IsGrpcPath(path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await next(context);
    };

    private static bool IsGrpcPath(PathString path) => path.Value?.StartsWith(GrpcServicePrefix, StringComparison.Ordinal) == true;
}
