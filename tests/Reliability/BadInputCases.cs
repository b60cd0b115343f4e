using System.Net.Http.Headers;
using System.Text;

namespace CafeMenu.Reliability;

/// <summary>One hostile or mistaken request and the status the Api (or Kestrel, before the Api sees it) must answer.</summary>
/// <param name="Problem">false only where Kestrel rejects the request before any middleware runs (431, 414): no app code can shape those.</param>
internal sealed record BadInputCase(string Method, string Path, Func<byte[]>? Body, string? ContentType, int Status,
    (string Name, string Value)[]? Headers = null, bool Chunked = false, bool Problem = true)
{
    /// <summary>The request, with {name} placeholders in the path and headers replaced by the fixture's real cursors and ETag.</summary>
    public HttpRequestMessage Build(IReadOnlyDictionary<string, string> values)
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Fill(Path, values));
        if (Body is not null)
        {
            var bytes = Body();
            HttpContent content = Chunked ? new StreamContent(new MemoryStream(bytes)) : new ByteArrayContent(bytes);
            if (ContentType is not null) content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            if (Chunked) request.Headers.TransferEncodingChunked = true;
            // A client sending more than the limit gets the 413 before it sends the body (otherwise Kestrel's early answer
            // and close race with the upload and the client sees a broken pipe, as any HTTP/1.1 client would).
            if (bytes.Length > 1024 * 1024) request.Headers.ExpectContinue = true;
            request.Content = content;
        }

        foreach (var (name, value) in Headers ?? []) request.Headers.TryAddWithoutValidation(name, Fill(value, values));
        return request;
    }

    private static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(text, (current, value) => current.Replace($"{{{value.Key}}}", value.Value, StringComparison.Ordinal));
}

/// <summary>The bad-input suite of issue 8: every case a 4xx, never a 500, and the table unchanged.</summary>
internal static class BadInputCases
{
    private const string Json = "application/json";
    private const string Valid = """{"product_name":"Brand new","price":1.50}""";

    public static IReadOnlyDictionary<string, BadInputCase> All { get; } = Build();

    private static BadInputCase Post(string body, int status, string? contentType = Json) => new("POST", "/menu", () => Utf8(body), contentType, status);

    private static BadInputCase Batch(string body, int status) => new("POST", "/menu/batch", () => Utf8(body), Json, status);

    private static BadInputCase Patch(string body, int status, string ifMatch = "{etag}", string path = "/menu/Latte") =>
        new("PATCH", path, () => Utf8(body), Json, status, [("If-Match", ifMatch)]);

    private static BadInputCase Get(string path, int status) => new("GET", path, null, null, status);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Item(string name = "\"Brand new\"", string price = "1.50", string extra = "") =>
        $$"""{"product_name":{{name}},"price":{{price}}{{(extra.Length > 0 ? "," + extra : "")}}}""";

    private static string Items(int count, Func<int, string> name) =>
        "[" + string.Join(',', Enumerable.Range(0, count).Select(i => Item($"\"{name(i)}\""))) + "]";

    private static Dictionary<string, BadInputCase> Build() => new()
    {
        // Malformed JSON
        ["json: empty body"] = Post("", 400),
        ["json: lone open brace"] = Post("{", 400),
        ["json: truncated object"] = Post("""{"product_name":"A","price":1""", 400),
        ["json: trailing comma"] = Post("""{"product_name":"A","price":1,}""", 400),
        ["json: comment"] = Post("""{"product_name":"A",/* free */"price":1}""", 400),
        ["json: single quotes"] = Post("{'product_name':'A','price':1}", 400),
        ["json: literal null"] = Post("null", 400),
        ["json: a string instead of an object"] = Post("\"Latte\"", 400),
        ["json: a number instead of an object"] = Post("42", 400),
        ["json: an array instead of an object"] = Post("[]", 400),
        ["json: two documents"] = Post(Valid + Valid, 400),
        ["json: bare NaN"] = Post("""{"product_name":"A","price":NaN}""", 400),
        ["json: nesting 200 deep"] = Post(Item(extra: "\"tags\":" + new string('[', 200) + new string(']', 200)), 400),
        ["json: invalid UTF-8 bytes"] = new("POST", "/menu", () => [.. Utf8("{\"product_name\":\""), 0xFF, 0xFE, .. Utf8("\",\"price\":1}")], Json, 400),
        ["json: UTF-16 body labelled UTF-8"] = new("POST", "/menu", () => Encoding.Unicode.GetBytes(Valid), "application/json; charset=utf-8", 400),

        // Wrong types
        ["type: product_name a number"] = Post(Item(name: "5"), 400),
        ["type: product_name null"] = Post(Item(name: "null"), 400),
        ["type: product_name an array"] = Post(Item(name: "[\"A\"]"), 400),
        ["type: product_name an object"] = Post(Item(name: "{\"S\":\"A\"}"), 400),
        ["type: price true"] = Post(Item(price: "true"), 400),
        ["type: price an object"] = Post(Item(price: "{\"N\":\"1\"}"), 400),
        ["type: price an array"] = Post(Item(price: "[1]"), 400),
        ["type: price null"] = Post(Item(price: "null"), 400),
        ["type: price missing"] = Post("""{"product_name":"A"}""", 400),
        ["type: tags a string"] = Post(Item(extra: "\"tags\":\"hot\""), 400),
        ["type: tags holding a number"] = Post(Item(extra: "\"tags\":[1]"), 400),
        ["type: tags holding null"] = Post(Item(extra: "\"tags\":[null]"), 400),
        ["type: description a number"] = Post(Item(extra: "\"description\":12"), 400),
        ["type: product_id a word"] = Post(Item(extra: "\"product_id\":\"abc\""), 400),
        ["type: product_id a fraction"] = Post(Item(extra: "\"product_id\":1.5"), 400),
        ["type: special 2"] = Post(Item(extra: "\"special\":2"), 400),
        ["type: special \"yes\""] = Post(Item(extra: "\"special\":\"yes\""), 400),

        // Numbers
        ["number: negative price"] = Post(Item(price: "-1"), 400),
        ["number: price of minus one cent"] = Post(Item(price: "-0.01"), 400),
        ["number: price with 3 decimals"] = Post(Item(price: "1.005"), 400),
        ["number: 39-digit price"] = Post(Item(price: "123456789012345678901234567890123456789"), 400),
        ["number: 39-digit price as a string"] = Post(Item(price: "\"123456789012345678901234567890123456789\""), 400),
        ["number: price 1e400"] = Post(Item(price: "1e400"), 400),
        ["number: price 1E+127"] = Post(Item(price: "1E+127"), 400),
        ["number: price \"NaN\""] = Post(Item(price: "\"NaN\""), 400),
        ["number: price \"Infinity\""] = Post(Item(price: "\"Infinity\""), 400),
        ["number: price \"0x10\""] = Post(Item(price: "\"0x10\""), 400),
        ["number: price \"\""] = Post(Item(price: "\"\""), 400),
        ["number: negative product_id"] = Post(Item(extra: "\"product_id\":-1"), 400),
        ["number: 39-digit product_id"] = Post(Item(extra: "\"product_id\":123456789012345678901234567890123456789"), 400),

        // Unicode edge cases in the key
        ["unicode: NUL in the name"] = Post(Item(name: "\"A\\u0000B\""), 400),
        ["unicode: lone high surrogate"] = Post(Item(name: "\"\\uD800\""), 400),
        ["unicode: lone low surrogate after text"] = Post(Item(name: "\"Tea\\uDC00\""), 400),
        ["unicode: surrogates in the wrong order"] = Post(Item(name: "\"\\uDE00\\uD83D\""), 400),
        ["unicode: newline in the name"] = Post(Item(name: "\"A\\nB\""), 400),
        ["unicode: ANSI escape in the name"] = Post(Item(name: "\"\\u001b[31mRed\""), 400),
        ["unicode: DEL in the name"] = Post(Item(name: "\"A\\u007F\""), 400),
        ["unicode: C1 control NEL in the name"] = Post(Item(name: "\"A\\u0085\""), 400),
        ["unicode: only no-break and ideographic spaces"] = Post(Item(name: "\"\\u00A0\\u3000\""), 400),
        ["unicode: 255 zero-width spaces and a letter (256)"] = Post(Item(name: "\"" + string.Concat(Enumerable.Repeat("\\u200B", 255)) + "A\""), 400),
        ["unicode: 128 emoji (256 UTF-16 units)"] = Post(Item(name: "\"" + string.Concat(Enumerable.Repeat("😀", 128)) + "\""), 400),
        ["unicode: emoji as a field name"] = Post(Item(extra: "\"😀\":1"), 400),
        ["unicode: RTL mark as a price"] = Post(Item(price: "\"\u200F1.50\""), 400),
        ["unicode: lone surrogate in the description"] = Post(Item(extra: "\"description\":\"\\uD800\""), 400),
        ["unicode: lone surrogate in product_group"] = Post(Item(extra: "\"product_group\":\"\\uDBFF\""), 400),
        ["unicode: lone surrogate in a tag"] = Post(Item(extra: "\"tags\":[\"\\uDC00\"]"), 400),

        // Lengths and counts
        ["length: empty name"] = Post(Item(name: "\"\""), 400),
        ["length: blank name"] = Post(Item(name: "\"   \""), 400),
        ["length: 256-character name"] = Post(Item(name: "\"" + new string('n', 256) + "\""), 400),
        ["length: 2001-character description"] = Post(Item(extra: "\"description\":\"" + new string('d', 2001) + "\""), 400),
        ["length: 21 tags"] = Post(Item(extra: "\"tags\":[" + string.Join(',', Enumerable.Range(0, 21).Select(i => $"\"t{i}\"")) + "]"), 400),
        ["length: 51-character tag"] = Post(Item(extra: "\"tags\":[\"" + new string('t', 51) + "\"]"), 400),
        ["length: 101-character product_group"] = Post(Item(extra: "\"product_group\":\"" + new string('g', 101) + "\""), 400),

        // DynamoDB reserved words where no field may be
        ["reserved: unknown field name"] = Post(Item(extra: "\"name\":\"x\""), 400),
        ["reserved: unknown field size"] = Post(Item(extra: "\"size\":1"), 400),
        ["reserved: unknown field status"] = Post(Item(extra: "\"status\":\"x\""), 400),
        ["reserved: patch of the key"] = Patch("""{"product_name":"Select"}""", 400),
        ["reserved: patch of version"] = Patch("""{"version":9}""", 400),

        // Conflicts: rejected writes that must leave the existing item alone
        ["conflict: create of an existing name"] = Post(Item(name: "\"Latte\"", price: "0.01"), 409),
        ["conflict: batch holding an existing name"] = Batch("[" + Item() + "," + Item(name: "\"Latte\"") + "]", 409),

        // Batches
        ["batch: malformed"] = Batch("[{", 400),
        ["batch: an object instead of an array"] = Batch(Valid, 400),
        ["batch: empty"] = Batch("[]", 400),
        ["batch: 101 items"] = Batch(Items(101, i => $"Item {i}"), 400),
        ["batch: duplicate names"] = Batch(Items(3, i => i == 2 ? "Item 0" : $"Item {i}"), 400),
        ["batch: one negative price among valid items"] = Batch("[" + Item() + "," + Item(name: "\"Other\"", price: "-3") + "]", 400),

        // Names that look like path traversal
        ["path: GET ../../etc/passwd"] = Get("/menu/..%2F..%2Fetc%2Fpasswd", 404),
        ["path: DELETE ../../data/menu.json"] = new("DELETE", "/menu/..%2F..%2Fdata%2Fmenu.json", null, null, 404),
        ["path: PATCH ..\\..\\windows"] = Patch("""{"price":1}""", 404, "\"1\"", "/menu/..%5C..%5Cwindows"),
        ["path: PUT special of ../../etc/passwd"] = new("PUT", "/menu/..%2F..%2Fetc%2Fpasswd/special", null, null, 404),
        ["path: POST to /menu/../batch"] = new("POST", "/menu/..%2Fbatch", () => Utf8(Valid), Json, 405),
        // Kestrel refuses a NUL in the path while parsing the request line, before the Api exists for it.
        ["path: GET %00"] = Get("/menu/%00", 400) with { Problem = false },

        // Cursor tampering and query parameters
        ["cursor: made up"] = Get("/menu?cursor=abc", 400),
        ["cursor: one character changed"] = Get("/menu?cursor={cursor_flipped}", 400),
        ["cursor: cut in half"] = Get("/menu?cursor={cursor_half}", 400),
        ["cursor: bytes appended"] = Get("/menu?cursor={cursor_all}AAAA", 400),
        ["cursor: a specials cursor on the menu"] = Get("/menu?cursor={cursor_specials}", 400),
        ["cursor: a menu cursor on the specials"] = Get("/menu/specials?cursor={cursor_all}", 400),
        ["cursor: a coffee cursor for pastry"] = Get("/menu?group=pastry&cursor={cursor_coffee}", 400),
        ["cursor: forged plain key"] = Get("/menu?cursor=" + Convert.ToBase64String(Utf8("""{"product_name":{"S":"Latte"}}""")).TrimEnd('='), 400),
        ["cursor: 6000 characters"] = Get("/menu?cursor=" + new string('A', 6000), 400),
        ["query: limit beyond int"] = Get("/menu?limit=99999999999", 400),
        ["query: limit 1.5"] = Get("/menu?limit=1.5", 400),
        ["query: blank group"] = Get("/menu?group=%20", 400),

        // Header abuse
        ["header: PATCH without If-Match"] = new("PATCH", "/menu/Latte", () => Utf8("""{"price":9}"""), Json, 428),
        ["header: If-Match unquoted"] = Patch("""{"price":9}""", 400, "1"),
        ["header: If-Match unterminated"] = Patch("""{"price":9}""", 400, "\"1"),
        ["header: If-Match stale"] = Patch("""{"price":9}""", 412, "\"999\""),
        ["header: If-Match weak"] = Patch("""{"price":9}""", 412, "W/{etag}"),
        ["header: If-Match negative version"] = Patch("""{"price":9}""", 412, "\"-1\""),
        ["header: If-Match beyond long"] = Patch("""{"price":9}""", 412, "\"99999999999999999999999\""),
        ["header: If-Match of 500 foreign tags"] = Patch("""{"price":9}""", 412, string.Join(", ", Enumerable.Range(0, 500).Select(i => $"\"x{i}\""))),
        ["header: DELETE with a stale If-Match"] = new("DELETE", "/menu/Latte", null, null, 412, [("If-Match", "\"999\"")]),
        ["header: DELETE with a malformed If-Match"] = new("DELETE", "/menu/Latte", null, null, 400, [("If-Match", "nope")]),
        ["header: a 40 KB header"] = new("GET", "/menu/Latte", null, null, 431, [("X-Pad", new string('p', 40 * 1024))], Problem: false),
        ["header: 120 headers"] = new("GET", "/menu/Latte", null, null, 431,
            [.. Enumerable.Range(0, 120).Select(i => ($"X-H{i}", new string('h', 400)))], Problem: false),
        ["header: a 10 KB URL"] = new("GET", "/menu/" + new string('u', 10 * 1024), null, null, 414, Problem: false),

        // Content types
        ["content type: text/plain"] = Post(Valid, 415, "text/plain"),
        ["content type: application/xml"] = Post(Valid, 415, "application/xml"),
        ["content type: form"] = Post(Valid, 415, "application/x-www-form-urlencoded"),
        ["content type: multipart"] = Post(Valid, 415, "multipart/form-data; boundary=x"),
        ["content type: none"] = Post(Valid, 415, null),
        ["content type: not a media type"] = Post(Valid, 415, "???"),
        ["content type: text/plain on PATCH"] = new("PATCH", "/menu/Latte", () => Utf8("""{"price":9}"""), "text/plain", 415, [("If-Match", "{etag}")]),
        ["content type: text/plain on batch"] = new("POST", "/menu/batch", () => Utf8("[" + Valid + "]"), "text/plain", 415),

        // Request size limits
        ["size: 1.5 MB body"] = Post(Item(extra: "\"description\":\"" + new string('d', 1536 * 1024) + "\""), 413),
        ["size: 1.5 MB chunked body"] = new("POST", "/menu", () => Utf8(Item(extra: "\"description\":\"" + new string('d', 1536 * 1024) + "\"")), Json, 413, Chunked: true),
        ["size: 5 MB batch"] = Batch("[" + Item(extra: "\"description\":\"" + new string('d', 5 * 1024 * 1024) + "\"") + "]", 413),
        ["size: 1.5 MB PATCH"] = Patch("{\"description\":\"" + new string('d', 1536 * 1024) + "\"}", 413),

        // Methods no route takes
        ["method: TRACE /menu"] = Get("/menu", 405) with { Method = "TRACE" },
        ["method: PUT /menu"] = new("PUT", "/menu", () => Utf8(Valid), Json, 405),
        ["method: DELETE /menu"] = new("DELETE", "/menu", null, null, 405),
        ["method: PATCH /menu"] = new("PATCH", "/menu", () => Utf8(Valid), Json, 405),
    };
}
