using System.Security.Cryptography;
using CafeMenu.Menu;

namespace CafeMenu.Web;

/// <summary>
/// Gives each browser a random guest id in a cookie, made on its first visit. This is NOT authentication: it only keeps one
/// browser's orders together in this reference app, and anyone who copies the cookie is that guest. A real café would take the
/// guest from a signed-in user (see docs/orders.md, "Guest identity").
/// </summary>
internal static class GuestCookie
{
    public const string Name = "cafemenu-guest";
    private static readonly object ItemKey = new();

    public static IApplicationBuilder UseGuestCookie(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var guestId = context.Request.Cookies[Name];
        if (!GuestId.IsValid(guestId))
        {
            // 128 random bits as 32 hex digits: within the Api's guest id rule, and not guessable from another guest's id.
            guestId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            context.Response.Cookies.Append(Name, guestId, new CookieOptions
            {
                HttpOnly = true, // scripts never need it: the server reads it while rendering
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                IsEssential = true,
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
            });
        }

        context.Items[ItemKey] = guestId;
        await next(context);
    });

    /// <summary>The guest id of this request (set by <see cref="UseGuestCookie"/>).</summary>
    public static string? Of(HttpContext context) => context.Items.TryGetValue(ItemKey, out var id) ? id as string : null;
}
