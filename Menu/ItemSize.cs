using System.Text;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Menu;

/// <summary>DynamoDB's item size as the service counts it, to refuse items over 400 KB before writing them.</summary>
/// <remarks>Hand-written: the AWS SDK has no client-side item size calculation.</remarks>
public static class ItemSize
{
    public const int MaxBytes = 400 * 1024;

    public static int Of(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var size = 0;
        foreach (var (name, value) in item)
        {
            size += Encoding.UTF8.GetByteCount(name) + Of(value);
        }

        return size;
    }

    public static int Of(AttributeValue value)
    {
        if (value.S is not null) return Encoding.UTF8.GetByteCount(value.S);
        if (value.N is not null) return NumberSize(value.N);
        if (value.B is not null) return (int)value.B.Length;
        if (value.BOOL is not null || value.NULL is not null) return 1;
        if (value.SS is { Count: > 0 }) return value.SS.Sum(Encoding.UTF8.GetByteCount);
        if (value.NS is { Count: > 0 }) return value.NS.Sum(NumberSize);
        if (value.BS is { Count: > 0 }) return value.BS.Sum(b => (int)b.Length);
        // Lists and maps: 3 bytes of overhead plus 1 byte per element, plus the elements.
        if (value.L is not null) return 3 + value.L.Sum(v => 1 + Of(v));
        if (value.M is not null) return 3 + value.M.Sum(kv => 1 + Encoding.UTF8.GetByteCount(kv.Key) + Of(kv.Value));
        return 0;
    }

    // Numbers are stored as variable-length base-100: about one byte per two significant digits plus one.
    private static int NumberSize(string number)
    {
        var significant = number.TakeWhile(c => c is not ('e' or 'E')).Count(char.IsAsciiDigit);
        return (significant + 1) / 2 + 1;
    }
}
