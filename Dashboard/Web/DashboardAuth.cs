using System.Net;
using System.Security.Claims;
using CafeMenu.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CafeMenu.Dashboard.Web;

/// <summary>
/// Browser login as in Aspire: the AppHost prints /login?t=&lt;token&gt;; a matching token sets an auth cookie.
/// Without the cookie every page and API of the UI port answers 401 with a page that asks for the token.
/// </summary>
internal static class DashboardAuth
{
    public const string CookieName = ".CafeMenu.Dashboard";

    public static void AddServices(IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.ExpireTimeSpan = TimeSpan.FromDays(3);
                cookie.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
            });
        services.AddAuthorization();
    }

    public static async Task RequireLogin(HttpContext context, RequestDelegate next)
    {
        var options = context.RequestServices.GetRequiredService<DashboardOptions>();
        if (context.Connection.LocalPort != options.Port
            || context.Request.Path.StartsWithSegments("/login")
            || context.User.Identity?.IsAuthenticated == true)
        {
            await next(context);
            return;
        }

        await WriteLoginPage(context, StatusCodes.Status401Unauthorized, message: null);
    }

    public static void MapLogin(WebApplication app, DashboardOptions options)
    {
        app.MapGet("/login", async (HttpContext context, string? t) =>
        {
            if (string.IsNullOrEmpty(t))
            {
                await WriteLoginPage(context, StatusCodes.Status401Unauthorized, message: null);
                return;
            }

            if (!ApiKey.Matches(t, options.BrowserToken))
            {
                await WriteLoginPage(context, StatusCodes.Status401Unauthorized, "That token is not valid for this dashboard.");
                return;
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "dashboard-user")], CookieAuthenticationDefaults.AuthenticationScheme);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
            context.Response.Redirect("/");
        });
    }

    private static async Task WriteLoginPage(HttpContext context, int status, string? message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        var error = message is null ? "" : $"<p class=\"error\">{WebUtility.HtmlEncode(message)}</p>";
        await context.Response.WriteAsync(
            $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>CafeMenu dashboard: log in</title>
            <link rel="stylesheet" href="/css/dashboard.css"></head>
            <body class="login"><main class="login-box">
            <h1>CafeMenu dashboard</h1>
            <p>Open the link that the AppHost printed at start (<code>Dashboard: http://127.0.0.1:&lt;port&gt;/login?t=&lt;token&gt;</code>), or paste its token here.</p>
            {{error}}
            <form method="get" action="/login"><input name="t" type="password" placeholder="token" autocomplete="off" aria-label="token"> <button type="submit">Log in</button></form>
            </main></body></html>
            """,
            context.RequestAborted);
    }
}
