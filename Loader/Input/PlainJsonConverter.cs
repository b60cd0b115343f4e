using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;

namespace CafeMenu.Loader.Input;

/// <summary>Plain JSON to attribute values: string S, number N (its own digits), bool BOOL, null NULL, array L, object M.</summary>
internal static class PlainJsonConverter
{
    public static Dictionary<string, AttributeValue> ToItem(JsonElement record)
    {
        RequireObject(record);
        return ToItem(record, ToValue);
    }

    internal static void RequireObject(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new RecordException(null, $"a record must be a JSON object, not {Describe(record.ValueKind)}");
        }
    }

    /// <summary>The attributes of a JSON object, each value converted by <paramref name="toValue"/>; a name may appear once.</summary>
    internal static Dictionary<string, AttributeValue> ToItem(JsonElement record, Func<JsonElement, string, AttributeValue> toValue) =>
        ToMap(record, null, toValue);

    /// <summary>
    /// The members of a JSON object: a record's attributes (<paramref name="path"/> null) or a map's entries. A name may
    /// appear once; JSON allows it twice, DynamoDB does not.
    /// </summary>
    internal static Dictionary<string, AttributeValue> ToMap(JsonElement json, string? path, Func<JsonElement, string, AttributeValue> toValue)
    {
        var map = new Dictionary<string, AttributeValue>(json.GetPropertyCount(), StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            var name = JsonText.Name(property, path);
            var memberPath = path is null ? name : $"{path}.{name}";
            if (!map.TryAdd(name, toValue(property.Value, memberPath)))
            {
                throw new RecordException(memberPath, path is null ? "appears twice in the record" : "appears twice in the map");
            }
        }

        return map;
    }

    public static AttributeValue ToValue(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => new AttributeValue { S = JsonText.String(value, path) },
        JsonValueKind.Number => Number(value.GetRawText(), path),
        JsonValueKind.True => new AttributeValue { BOOL = true },
        JsonValueKind.False => new AttributeValue { BOOL = false },
        JsonValueKind.Null => new AttributeValue { NULL = true },
        JsonValueKind.Array => new AttributeValue { L = value.EnumerateArray().Select((v, i) => ToValue(v, $"{path}[{i}]")).ToList() },
        JsonValueKind.Object => new AttributeValue { M = ToMap(value, path, ToValue) },
        _ => throw new RecordException(path, "has no value"),
    };

    /// <summary>Keeps the number's own text after checking it against DynamoDB's rules; nothing is rounded.</summary>
    public static AttributeValue Number(string text, string path)
    {
        if (!DynamoNumber.IsValid(text, out var error))
        {
            throw new RecordException(path, $"number {Shorten(text)} {error}");
        }

        return new AttributeValue { N = text };
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
