using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Loader.Input;

/// <summary>
/// DynamoDB JSON (<c>{"name": {"S": "Scone"}, "price": {"N": "2.80"}}</c>, optionally wrapped as <c>{"Item": {...}}</c> like
/// DynamoDB's exports) to attribute values.
/// </summary>
/// <remarks>Hand-written: the AWS SDK's JSON unmarshallers are internal to its HTTP pipeline.</remarks>
internal static class DynamoJsonConverter
{
    public static Dictionary<string, AttributeValue> ToItem(JsonElement record)
    {
        PlainJsonConverter.RequireObject(record);

        if (record.TryGetProperty("Item", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object && CountProperties(record) == 1)
        {
            record = wrapped;
        }

        return PlainJsonConverter.ToItem(record, ToValue);
    }

    public static AttributeValue ToValue(JsonElement descriptor, string path)
    {
        if (descriptor.ValueKind != JsonValueKind.Object || CountProperties(descriptor) != 1)
        {
            throw new RecordException(path, "must be a type descriptor with exactly one of S, N, B, BOOL, NULL, SS, NS, BS, L, M");
        }

        var typed = descriptor.EnumerateObject().First();
        var value = typed.Value;
        var type = JsonText.Name(typed, path);
        return type switch
        {
            "S" => new AttributeValue { S = String(value, path, "S") },
            "N" => PlainJsonConverter.Number(String(value, path, "N"), path),
            "B" => new AttributeValue { B = Binary(String(value, path, "B"), path) },
            "BOOL" => value.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? new AttributeValue { BOOL = value.GetBoolean() }
                : throw new RecordException(path, "BOOL must be true or false"),
            "NULL" => value.ValueKind == JsonValueKind.True
                ? new AttributeValue { NULL = true }
                : throw new RecordException(path, "NULL must be true"),
            "SS" => new AttributeValue { SS = Set(value, path, "SS", v => v) },
            "NS" => new AttributeValue { NS = Set(value, path, "NS", v => PlainJsonConverter.Number(v, path).N) },
            "BS" => new AttributeValue { BS = Set(value, path, "BS", v => v).Select(v => Binary(v, path)).ToList() },
            "L" => value.ValueKind == JsonValueKind.Array
                ? new AttributeValue { L = value.EnumerateArray().Select((v, i) => ToValue(v, $"{path}[{i}]")).ToList() }
                : throw new RecordException(path, "L must be an array"),
            "M" => value.ValueKind == JsonValueKind.Object
                ? new AttributeValue { M = PlainJsonConverter.ToMap(value, path, ToValue) }
                : throw new RecordException(path, "M must be an object"),
            _ => throw new RecordException(path, $"unknown type descriptor '{type}'"),
        };
    }

    private static string String(JsonElement value, string path, string type) =>
        value.ValueKind == JsonValueKind.String ? JsonText.String(value, path) : throw new RecordException(path, $"{type} must be given as a JSON string");

    private static MemoryStream Binary(string base64, string path)
    {
        try
        {
            return new MemoryStream(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            throw new RecordException(path, "B is not valid base64");
        }
    }

    private static List<string> Set(JsonElement value, string path, string type, Func<string, string> check)
    {
        if (value.ValueKind != JsonValueKind.Array) throw new RecordException(path, $"{type} must be an array");
        var members = value.EnumerateArray().Select(v => check(String(v, path, type))).ToList();
        if (members.Count == 0) throw new RecordException(path, $"{type} must not be empty (DynamoDB has no empty sets)");
        return members;
    }

    private static int CountProperties(JsonElement element)
    {
        var count = 0;
        foreach (var _ in element.EnumerateObject()) count++;
        return count;
    }
}
