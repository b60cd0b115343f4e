namespace CafeMenu.Web.Models;

/// <summary>The browser's guest (from its cookie, see <see cref="GuestCookie"/>), cascaded to every page: whose basket and orders these are.</summary>
public sealed record Guest(string Id);
