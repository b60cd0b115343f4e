using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Loader.Export;

/// <summary>Writes attribute values as DynamoDB JSON (<c>{"S": "..."}</c>, numbers as their own text), the lossless export form.</summary>
/// <remarks>Hand-written: the AWS SDK's JSON marshallers are internal to its HTTP pipeline.</remarks>
internal static class DynamoJsonWriter
{
    public static void WriteItem(Utf8JsonWriter writer, IReadOnlyDictionary<string, AttributeValue> item)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("Item");
        WriteMap(writer, item);
        writer.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, AttributeValue>> map)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in map)
        {
            writer.WritePropertyName(name);
            WriteValue(writer, value);
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
    {
        writer.WriteStartObject();
        if (value.S is not null) writer.WriteString("S", value.S);
        else if (value.N is not null) writer.WriteString("N", value.N);
        else if (value.B is not null) writer.WriteBase64String("B", value.B.ToArray());
        else if (value.BOOL is { } b) writer.WriteBoolean("BOOL", b);
        else if (value.NULL is not null) writer.WriteBoolean("NULL", true);
        else if (value.SS is not null) WriteStrings(writer, "SS", value.SS);
        else if (value.NS is not null) WriteStrings(writer, "NS", value.NS);
        else if (value.BS is not null)
        {
            writer.WriteStartArray("BS");
            foreach (var binary in value.BS) writer.WriteBase64StringValue(binary.ToArray());
            writer.WriteEndArray();
        }
        else if (value.L is not null)
        {
            writer.WriteStartArray("L");
            foreach (var element in value.L) WriteValue(writer, element);
            writer.WriteEndArray();
        }
        else if (value.M is not null)
        {
            writer.WritePropertyName("M");
            WriteMap(writer, value.M);
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string type, IEnumerable<string> values)
    {
        writer.WriteStartArray(type);
        foreach (var v in values) writer.WriteStringValue(v);
        writer.WriteEndArray();
    }
}
