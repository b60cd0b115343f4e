using CafeMenu.Web.Client;
using CafeMenu.Web.Formatting;
using Microsoft.Extensions.Http.Resilience;

namespace CafeMenu.Web;

internal static class WebServiceExtensions
{
    /// <summary>Blazor interactive server components, the café's options and the typed client of the menu Api.</summary>
    public static WebApplicationBuilder AddMenuWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.Configure<CafeOptions>(builder.Configuration.GetSection(CafeOptions.Section));
        builder.Services.AddSingleton<PriceFormatter>();

        // "http://api" is resolved by service discovery from services__api__http__0.
        var apiBase = builder.Configuration["MenuApi:BaseAddress"] ?? "http://api";
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is experimental, but the documented way to replace the default handler for one client
        builder.Services.AddHttpClient<MenuApiClient>(client => client.BaseAddress = new Uri(apiBase))
            // ServiceDefaults gives every client the standard handler; this one gets its own tuning instead:
            // retry only safe methods (a retried POST that had reached DynamoDB would come back as its own duplicate),
            // and briefly (a guest waiting behind 14 s of back-off for "try again" is worse off than one who sees it at once).
            .RemoveAllResilienceHandlers()
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.DisableForUnsafeHttpMethods();
                options.Retry.MaxRetryAttempts = 2;
                options.Retry.Delay = TimeSpan.FromMilliseconds(200);
            });
#pragma warning restore EXTEXP0001
        return builder;
    }
}
