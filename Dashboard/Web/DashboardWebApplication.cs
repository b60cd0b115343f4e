using System.Net;
using CafeMenu.Dashboard.Components;
using CafeMenu.Dashboard.DynamoDb;
using CafeMenu.Dashboard.Otlp;
using CafeMenu.Dashboard.Telemetry;
using CafeMenu.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.FluentUI.AspNetCore.Components;

namespace CafeMenu.Dashboard.Web;

/// <summary>Builds the dashboard's web application: UI, login, and the OTLP receivers, each on its own loopback port.</summary>
internal static class DashboardWebApplication
{
    public static WebApplication Create(DashboardOptions options, IResourceService resources, TelemetryStore store, ILoggerFactory hostLoggerFactory)
    {
        if (options.Port == 0 || options.OtlpGrpcPort == 0 || options.OtlpHttpPort == 0)
        {
            throw new InvalidOperationException("The dashboard needs concrete ports: the AppHost resolves Dashboard ports of 0 to free ports before it starts.");
        }

        if (string.IsNullOrEmpty(options.BrowserToken) || string.IsNullOrEmpty(options.OtlpApiKey))
        {
            throw new InvalidOperationException("The dashboard needs a browser token and an OTLP API key: the AppHost generates them when they are empty.");
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(DashboardWebApplication).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = "Production",
            Args = [],
        });

        // The web root is the assembly's embedded wwwroot: Blazor reads "{ApplicationName}.modules.json" from it to list
        // the JS initializers (FluentUI's, which defines its web components), which a Web SDK project would generate.
        var webRoot = new EmbeddedFileProvider(typeof(DashboardWebApplication).Assembly, "CafeMenu.Dashboard.wwwroot");
        builder.Environment.WebRootFileProvider = webRoot;

        // Request logs carry the login URL with its token: ASP.NET Core's own logs stay at Warning.
        builder.Logging.ClearProviders();
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Grpc", LogLevel.Warning);
        builder.Logging.AddProvider(new ForwardingLoggerProvider(hostLoggerFactory));

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // Loopback only, one port per role, as the Aspire dashboard does.
            // Without TLS there is no protocol negotiation: gRPC gets HTTP/2 with prior knowledge, the others HTTP/1.1.
            kestrel.Listen(IPAddress.Loopback, options.Port, l => l.Protocols = HttpProtocols.Http1);
            kestrel.Listen(IPAddress.Loopback, options.OtlpGrpcPort, l => l.Protocols = HttpProtocols.Http2);
            kestrel.Listen(IPAddress.Loopback, options.OtlpHttpPort, l => l.Protocols = HttpProtocols.Http1);
            kestrel.Limits.MaxRequestBodySize = OtlpHttpEndpoints.MaxBodyBytes;
        });

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(resources);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DynamoDbBrowser>();
        // Keys live as long as the process: the cookie is worthless after a restart, like the token it stands for.
        builder.Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        builder.Services.AddGrpc(grpc =>
        {
            grpc.Interceptors.Add<OtlpApiKeyInterceptor>();
            grpc.MaxReceiveMessageSize = OtlpHttpEndpoints.MaxBodyBytes;
        });
        DashboardAuth.AddServices(builder.Services);
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddFluentUIComponents();

        var app = builder.Build();
        app.Use(PortGate.Create(options));
        app.UseStaticFiles(new StaticFileOptions { FileProvider = webRoot });
        app.UseAuthentication();
        app.Use(DashboardAuth.RequireLogin);
        app.UseAntiforgery();

        DashboardAuth.MapLogin(app, options);
        OtlpHttpEndpoints.Map(app);
        app.MapGrpcService<OtlpGrpcServices.Traces>();
        app.MapGrpcService<OtlpGrpcServices.Logs>();
        app.MapGrpcService<OtlpGrpcServices.Metrics>();
        DashboardApi.Map(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
