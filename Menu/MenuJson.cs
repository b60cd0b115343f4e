using System.Text.Json;
using System.Text.Json.Serialization;

namespace CafeMenu.Menu;

/// <summary>The one JSON configuration for menu data: snake_case, unknown fields rejected, prices read from numbers or strings as decimals.</summary>
public static class MenuJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the menu's JSON rules to options owned by a host (for example ASP.NET Core's).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        return options;
    }
}
