using CafeMenu.Api.Apis;
using CafeMenu.Api.Data;
using CafeMenu.Api.Telemetry;
using CafeMenu.Menu;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;

namespace CafeMenu.Api.Extensions;

/// <summary>Services and middleware of the menu Api, so Program.cs stays a list of steps.</summary>
internal static class MenuApiHostingExtensions
{
    private const string ScalarHeadersPolicy = "scalar";

    public static WebApplicationBuilder AddMenuApi(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = ApiLimits.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });

        var services = builder.Services;
        services.AddOptions<MenuApiOptions>()
            .BindConfiguration(MenuApiOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.TableName), "Menu:TableName must name a DynamoDB table.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MenuRepository>();
        services.AddSingleton<CursorProtector>();
        services.AddSingleton<ApiTelemetry>();
        services.AddHostedService<TableInitializer>();
        // Cursors are protected with the key ring of this application name; instances behind one load balancer must share it.
        services.AddDataProtection().SetApplicationName("CafeMenu.Api");

        services.Configure<JsonOptions>(options => MenuJson.Configure(options.SerializerOptions));
        // Binding failures become BadHttpRequestException, which ApiExceptionHandler turns into a ProblemDetails with a reason.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = ApiProblemDetails.Customize);
        services.AddExceptionHandler<ApiExceptionHandler>();

        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "CafeMenu Api";
            document.Info.Description =
                "The café's menu in DynamoDB: conditional puts that never overwrite, exact prices, specials through the sparse " +
                "index special_GSI, optimistic concurrency with ETag and If-Match. Every error is a ProblemDetails (RFC 9457).";
            return Task.CompletedTask;
        }));

        services.AddSecurityHeaderPolicies(policies => policies
            .SetDefaultPolicy(headers => headers.AddDefaultApiSecurityHeaders().RemoveServerHeader())
            // The interactive reference is an HTML page with scripts: browser defaults for pages, still no framing or sniffing.
            .AddPolicy(ScalarHeadersPolicy, headers => headers.AddDefaultSecurityHeaders().RemoveServerHeader()));
        return builder;
    }

    public static WebApplication UseMenuApi(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        // Responses without a body (unknown route, 405, 413 from the body reader) get the same ProblemDetails shape.
        app.UseStatusCodePages();
        // Before routing: item routes match the path segment as the client encoded it (see RawItemPath).
        app.UseRawItemPath();
        app.UseRouting();
        return app;
    }

    /// <summary>The OpenAPI document at /openapi/v1.json and its interactive page at /scalar.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference().WithSecurityHeadersPolicy(ScalarHeadersPolicy);
        app.MapGet("/", () => TypedResults.Redirect("/scalar")).ExcludeFromDescription();
        return app;
    }
}
