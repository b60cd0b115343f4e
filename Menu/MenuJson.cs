using System.Text.Json;
using System.Text.Json.Serialization;

namespace CafeMenu.Menu;

/// <summary>
/// The one JSON configuration for menu data: exact snake_case names (case-sensitive: the Web defaults would take
/// PRODUCT_NAME), a field given twice refused (otherwise the last one wins), unknown fields refused, prices read
/// from numbers or strings through <see cref="ExactPriceConverter"/>.
/// </summary>
public static class MenuJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the menu's JSON rules to options owned by a host (for example ASP.NET Core's).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.PropertyNameCaseInsensitive = false;
        options.AllowDuplicateProperties = false;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        return options;
    }
}
