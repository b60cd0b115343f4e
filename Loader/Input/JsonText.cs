using System.Text.Json;

namespace CafeMenu.Loader.Input;

/// <summary>
/// Strings and attribute names of a JSON record. An escaped lone surrogate (<c>"\ud800"</c> without its pair) is valid JSON
/// but not text: System.Text.Json throws InvalidOperationException for it, which becomes the record's error here.
/// </summary>
internal static class JsonText
{
    private const string LoneSurrogate = "holds an escaped lone UTF-16 surrogate (such as \\ud800 without its pair), which is not text";

    public static string String(JsonElement value, string? path)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException) when (value.ValueKind == JsonValueKind.String)
        {
            throw new RecordException(path, LoneSurrogate);
        }
    }

    /// <summary>The property's name; <paramref name="parentPath"/> is the object's own path (null for a record).</summary>
    public static string Name(JsonProperty property, string? parentPath)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            throw new RecordException(parentPath, $"an attribute name {LoneSurrogate}");
        }
    }
}
