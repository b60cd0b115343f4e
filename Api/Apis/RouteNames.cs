namespace CafeMenu.Api.Apis;

/// <summary>Product names in the URL path.</summary>
internal static class RouteNames
{
    /// <summary>
    /// The server decodes every escape in the path except %2F, which it keeps so that it cannot split a segment; route
    /// values therefore still hold it. A product named "Salt/Pepper" is addressed as /menu/Salt%2FPepper (its Location).
    /// </summary>
    public static string Decode(string routeValue) => routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
