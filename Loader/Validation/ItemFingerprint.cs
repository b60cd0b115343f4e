using System.Buffers;
using System.Buffers.Binary;
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
/// not change; no canonical form is needed. The item is laid out in one reused buffer per thread and hashed in one call:
/// a hasher object per item and an append per tag, length and name cost more than the hashing itself. The hash lives only
/// in memory, between the two passes of one run, so its layout may change freely.
/// </remarks>
internal static class ItemFingerprint
{
    [ThreadStatic] private static ArrayBufferWriter<byte>? t_buffer;

    public static UInt128 Of(Dictionary<string, AttributeValue> item)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        AppendMap(buffer, item);
        return XxHash128.HashToUInt128(buffer.WrittenSpan);
    }

    private static void AppendMap(ArrayBufferWriter<byte> buffer, Dictionary<string, AttributeValue> map)
    {
        AppendLength(buffer, map.Count);
        foreach (var (name, value) in map)
        {
            AppendText(buffer, name);
            AppendValue(buffer, value);
        }
    }

    private static void AppendValue(ArrayBufferWriter<byte> buffer, AttributeValue value)
    {
        // A type tag before each value: S "1" and N "1" must not hash alike.
        if (value.S is not null) Tagged(buffer, 'S', value.S);
        else if (value.N is not null) Tagged(buffer, 'N', value.N);
        else if (value.B is not null)
        {
            Tag(buffer, 'B');
            AppendBytes(buffer, value.B.ToArray());
        }
        else if (value.BOOL is { } flag) Tag(buffer, flag ? 't' : 'f');
        else if (value.NULL is true) Tag(buffer, '0');
        else if (value.M is not null)
        {
            Tag(buffer, 'M');
            AppendMap(buffer, value.M);
        }
        else if (value.L is not null)
        {
            Tag(buffer, 'L');
            AppendLength(buffer, value.L.Count);
            foreach (var element in value.L) AppendValue(buffer, element);
        }
        else if (value.SS is not null) TaggedList(buffer, 's', value.SS);
        else if (value.NS is not null) TaggedList(buffer, 'n', value.NS);
        else if (value.BS is not null)
        {
            Tag(buffer, 'b');
            AppendLength(buffer, value.BS.Count);
            foreach (var bytes in value.BS) AppendBytes(buffer, bytes.ToArray());
        }
        else Tag(buffer, '?');
    }

    private static void Tagged(ArrayBufferWriter<byte> buffer, char tag, string text)
    {
        Tag(buffer, tag);
        AppendText(buffer, text);
    }

    private static void TaggedList(ArrayBufferWriter<byte> buffer, char tag, List<string> values)
    {
        Tag(buffer, tag);
        AppendLength(buffer, values.Count);
        foreach (var value in values) AppendText(buffer, value);
    }

    private static void Tag(ArrayBufferWriter<byte> buffer, char tag)
    {
        buffer.GetSpan(1)[0] = (byte)tag;
        buffer.Advance(1);
    }

    private static void AppendLength(ArrayBufferWriter<byte> buffer, int length)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(sizeof(int)), length);
        buffer.Advance(sizeof(int));
    }

    private static void AppendBytes(ArrayBufferWriter<byte> buffer, byte[] bytes)
    {
        AppendLength(buffer, bytes.Length);
        buffer.Write(bytes);
    }

    private static void AppendText(ArrayBufferWriter<byte> buffer, string text)
    {
        AppendLength(buffer, text.Length);
        buffer.Write(MemoryMarshal.AsBytes(text.AsSpan()));
    }
}
