using System.IO.Hashing;
using System.Runtime.InteropServices;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Loader.Validation;

/// <summary>
/// A 128-bit hash of an item's whole content as read: the writing pass compares it with the validating pass's, so a record
/// that changed between the two passes is refused instead of written unvalidated.
/// </summary>
/// <remarks>
/// Both passes read the same text with the same reader, so attribute order and number spelling agree when the record did
/// not change; no canonical form is needed.
/// </remarks>
internal static class ItemFingerprint
{
    public static UInt128 Of(Dictionary<string, AttributeValue> item)
    {
        var hash = new XxHash128();
        AppendMap(hash, item);
        return hash.GetCurrentHashAsUInt128();
    }

    private static void AppendMap(XxHash128 hash, Dictionary<string, AttributeValue> map)
    {
        AppendLength(hash, map.Count);
        foreach (var (name, value) in map)
        {
            AppendText(hash, name);
            AppendValue(hash, value);
        }
    }

    private static void AppendValue(XxHash128 hash, AttributeValue value)
    {
        // A type tag before each value: S "1" and N "1" must not hash alike.
        if (value.S is not null) Tagged(hash, 'S', value.S);
        else if (value.N is not null) Tagged(hash, 'N', value.N);
        else if (value.B is not null)
        {
            Tag(hash, 'B');
            AppendBytes(hash, value.B.ToArray());
        }
        else if (value.BOOL is { } flag) Tag(hash, flag ? 't' : 'f');
        else if (value.NULL is true) Tag(hash, '0');
        else if (value.M is not null)
        {
            Tag(hash, 'M');
            AppendMap(hash, value.M);
        }
        else if (value.L is not null)
        {
            Tag(hash, 'L');
            AppendLength(hash, value.L.Count);
            foreach (var element in value.L) AppendValue(hash, element);
        }
        else if (value.SS is not null) TaggedList(hash, 's', value.SS);
        else if (value.NS is not null) TaggedList(hash, 'n', value.NS);
        else if (value.BS is not null)
        {
            Tag(hash, 'b');
            AppendLength(hash, value.BS.Count);
            foreach (var bytes in value.BS) AppendBytes(hash, bytes.ToArray());
        }
        else Tag(hash, '?');
    }

    private static void Tagged(XxHash128 hash, char tag, string text)
    {
        Tag(hash, tag);
        AppendText(hash, text);
    }

    private static void TaggedList(XxHash128 hash, char tag, List<string> values)
    {
        Tag(hash, tag);
        AppendLength(hash, values.Count);
        foreach (var value in values) AppendText(hash, value);
    }

    private static void Tag(XxHash128 hash, char tag) => hash.Append([(byte)tag]);

    private static void AppendLength(XxHash128 hash, int length)
    {
        Span<byte> bytes = stackalloc byte[sizeof(int)];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes, length);
        hash.Append(bytes);
    }

    private static void AppendBytes(XxHash128 hash, byte[] bytes)
    {
        AppendLength(hash, bytes.Length);
        hash.Append(bytes);
    }

    private static void AppendText(XxHash128 hash, string text)
    {
        AppendLength(hash, text.Length);
        hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
    }
}
