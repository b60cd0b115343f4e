using System.Text.Json;
using System.Text.RegularExpressions;
using CafeMenu.Menu;
using Microsoft.AspNetCore.Mvc;

namespace CafeMenu.Api.Extensions;

/// <summary>
/// A request the framework could not read, said in the Api's words: the field it concerns as <c>errors.&lt;field&gt;</c>
/// (a JSON path such as <c>price</c> or <c>[2].tags[0]</c>) and a sentence a client developer understands, never a .NET type name.
/// </summary>
internal static partial class BadRequests
{
    private const string MenuFields = "product_name, product_id, description, price, product_group, tags, special; PATCH takes price, description, product_group, tags";
    private const string OrderFields = "guest_id, pickup_name, lines of product_name, quantity and unit_price; a status change takes status";

    public static ProblemDetails Describe(HttpContext context, BadHttpRequestException bad) => bad.StatusCode switch
    {
        StatusCodes.Status413PayloadTooLarge => new()
        {
            Status = bad.StatusCode,
            Title = "Request body too large",
            Detail = ApiProblemDetails.TooLargeDetail(context),
        },
        StatusCodes.Status415UnsupportedMediaType => new()
        {
            Status = bad.StatusCode,
            Title = "Unsupported media type",
            Detail = $"Send the body as application/json (got '{context.Request.ContentType ?? "no Content-Type"}').",
        },
        _ when bad.InnerException is JsonException json => Invalid(Field(json), Sentence(json, FieldsOf(context)), $"The body could not be read: {Sentence(json, FieldsOf(context))}"),
        _ when Parameter().Match(bad.Message) is { Success: true } parameter => Invalid(parameter.Groups[1].Value,
            $"{parameter.Groups[1].Value} has a value this Api cannot read.", "A parameter could not be read; fix the ones listed in errors."),
        _ => new()
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Bad request",
            Detail = "The request could not be read. The routes, parameters and bodies are described in /openapi/v1.json.",
        },
    };

    private static HttpValidationProblemDetails Invalid(string field, string message, string detail) => new(new Dictionary<string, string[]> { [field] = [message] })
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "One or more validation errors occurred.",
        Detail = detail,
    };

    /// <summary>The field as a path relative to the body: $.price → price, $[2].tags[0] → [2].tags[0]; an unknown or repeated field by its own name.</summary>
    private static string Field(JsonException json)
    {
        var path = json.Path ?? "$";
        var at = path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path[1..];
        // For an unknown or repeated field the path already ends with its name; at the root it may be empty.
        if (UnknownField().Match(json.Message) is { Success: true } unknown) return at.Length > 0 ? at : unknown.Groups[1].Value;
        if (DuplicateField().Match(json.Message) is { Success: true } duplicate) return at.Length > 0 ? at : duplicate.Groups[1].Value;
        if (MissingFields().Match(json.Message) is { Success: true } missing) return Join(at, missing.Groups[1].Value.Split(',')[0].Trim().Trim('\''));
        return at.Length == 0 ? "body" : at;
    }

    private static string Join(string at, string field) => at.Length == 0 ? field : $"{at}.{field}";

    /// <summary>The fields of the body this route reads, for the sentence about an unknown one.</summary>
    private static string FieldsOf(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/menu", StringComparison.OrdinalIgnoreCase) ? MenuFields : OrderFields;

    private static string Sentence(JsonException json, string fields)
    {
        if (json is JsonFieldException) return json.Message;
        if (UnknownField().Match(json.Message) is { Success: true } unknown)
        {
            return $"'{unknown.Groups[1].Value}' is not a field of this body. Field names are exact and case-sensitive snake_case ({fields}).";
        }

        if (DuplicateField().Match(json.Message) is { Success: true } duplicate)
        {
            return $"'{duplicate.Groups[1].Value}' appears more than once; send each field once.";
        }

        if (MissingFields().Match(json.Message) is { Success: true } missing) return $"Missing required field(s): {missing.Groups[1].Value}.";
        return $"The value could not be read (line {json.LineNumber + 1}, byte {json.BytePositionInLine}): check the JSON syntax and the field's type " +
            "(text for names, a number for prices, quantities and product_id, a list of strings for tags).";
    }

    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownField();

    [GeneratedRegex("[Dd]uplicate property '([^']*)'")]
    private static partial Regex DuplicateField();

    [GeneratedRegex("missing required properties including: (.+?)\\.?$")]
    private static partial Regex MissingFields();

    [GeneratedRegex("parameter \"(?:[^\"]* )?([A-Za-z_][A-Za-z0-9_-]*)\"")]
    private static partial Regex Parameter();
}
