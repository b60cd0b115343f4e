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
        builder.Services.AddHttpClient<MenuApiClient>(client => client.BaseAddress = new Uri(apiBase));

        // The standard handler (added to every client by ServiceDefaults) would retry POST/PATCH/DELETE after a 5xx;
        // an add that reached DynamoDB would then come back as its own duplicate. Retry only safe methods.
        builder.Services.Configure<HttpStandardResilienceOptions>($"{nameof(MenuApiClient)}-standard",
            options => options.Retry.DisableForUnsafeHttpMethods());
        return builder;
    }
}
