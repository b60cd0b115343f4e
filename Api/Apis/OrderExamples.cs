namespace CafeMenu.Api.Apis;

/// <summary>The JSON examples of the order routes in the OpenAPI document.</summary>
internal static class OrderExamples
{
    public const string PlaceRequest = """
        {"guest_id":"guest-7f3a","pickup_name":"Ada","lines":[{"product_name":"Latte","quantity":2,"unit_price":3.50},{"product_name":"Scone","quantity":1,"unit_price":2.80}]}
        """;

    public const string Order = """
        {"guest_id":"guest-7f3a","order_id":"2026-11-23T15:37:55.294Z#0f3a9c21b4d7","status":"placed","pickup_name":"Ada",
         "lines":[{"product_name":"Latte","quantity":2,"unit_price":3.50},{"product_name":"Scone","quantity":1,"unit_price":2.80}],
         "total":9.80,"version":1,"created_at":"2026-11-23T15:37:55.294+00:00","updated_at":"2026-11-23T15:37:55.294+00:00",
         "expires_at":"2026-11-24T03:37:55+00:00","next_steps":["preparing","cancelled"]}
        """;

    public const string Page = """
        {"items":[{"guest_id":"guest-7f3a","order_id":"2026-11-23T15:37:55.294Z#0f3a9c21b4d7","status":"ready","pickup_name":"Ada",
         "lines":[{"product_name":"Latte","quantity":2,"unit_price":3.50}],"total":7.00,"version":3,
         "created_at":"2026-11-23T15:37:55.294+00:00","updated_at":"2026-11-23T15:41:02.118+00:00","expires_at":"2026-11-24T03:37:55+00:00",
         "next_steps":["collected"]}],"next_cursor":null}
        """;

    public const string Refused = """
        {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.10","title":"The menu changed","status":409,
         "detail":"Nothing was ordered: line 0: the price of 'Latte' is now 3.80. Update the basket from lines and the current menu, then place the order again.",
         "lines":[{"line":0,"product_name":"Latte","reason":"price_changed","current_price":3.80,"stock_left":null}]}
        """;

    public const string StatusChange = """{"status":"preparing"}""";
}
