using CafeMenu.Web.Client;
using CafeMenu.Web.Formatting;
using CafeMenu.Web.Models;
using Microsoft.Extensions.Http.Resilience;

namespace CafeMenu.Web;

internal static class WebServiceExtensions
{
    /// <summary>Blazor interactive server components, the café's options and the typed clients of the Api (menu and orders).</summary>
    public static WebApplicationBuilder AddMenuWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.Configure<CafeOptions>(builder.Configuration.GetSection(CafeOptions.Section));
        builder.Services.Configure<OrderingOptions>(builder.Configuration.GetSection(OrderingOptions.Section));
        builder.Services.AddSingleton<PriceFormatter>();

        // "http://api" is resolved by service discovery from services__api__http__0.
        var apiBase = new Uri(builder.Configuration["MenuApi:BaseAddress"] ?? "http://api");
        builder.Services.AddHttpClient<MenuApiClient>(client => client.BaseAddress = apiBase).WithGuestFacingResilience()
            .AddHttpMessageHandler(() => new ExactPathHandler());
        builder.Services.AddHttpClient<OrdersApiClient>(client => client.BaseAddress = apiBase).WithGuestFacingResilience()
            .AddHttpMessageHandler(() => new ExactPathHandler());
        return builder;
    }

    /// <summary>
    /// ServiceDefaults gives every client the standard handler; the Api's clients get their own tuning instead:
    /// retry only safe methods (a retried POST that had reached DynamoDB would come back as its own duplicate),
    /// and briefly (a guest waiting behind 14 s of back-off for "try again" is worse off than one who sees it at once).
    /// </summary>
    private static IHttpClientBuilder WithGuestFacingResilience(this IHttpClientBuilder client)
    {
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental, but the documented way to replace the default handler for one client
        client.RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.DisableForUnsafeHttpMethods();
                options.Retry.MaxRetryAttempts = 2;
                options.Retry.Delay = TimeSpan.FromMilliseconds(200);
            });
#pragma warning restore EXTEXP0001
        return client;
    }
}
