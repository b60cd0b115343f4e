using System.Text;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Menu;

/// <summary>DynamoDB's item size as the service counts it, to refuse items over 400 KB before writing them.</summary>
/// <remarks>Hand-written: the AWS SDK has no client-side item size calculation.</remarks>
public static class ItemSize
{
    /// <summary>The largest item DynamoDB stores: DynamoDB Local 3.3.1 takes an item of exactly 409,600 bytes and refuses 409,601.</summary>
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

    /// <summary>
    /// DynamoDB stores a number as base-100 digits (two decimal digits a byte, paired from the decimal point, zero pairs at
    /// either end dropped) plus one byte of exponent, and one more byte for a negative number unless it already has the
    /// 20 digit bytes that 38 significant digits can take. Zero is one byte.
    /// </summary>
    /// <remarks>
    /// Measured on DynamoDB Local 3.3.1 by the largest padding each number leaves an item under 409,600 bytes: 1 and 100
    /// take 2 bytes, 1.5 and 123 take 3, -1 takes 3, 38 digits take 20 or 21 whether positive or negative, and 100
    /// random numbers of 1 to 38 digits matched this rule to the byte (tests/Loader.Tests/DynamoAgreementTests.cs keeps
    /// checking it). AWS documents it only as "approximately 1 byte per two significant digits, plus 1 byte".
    /// </remarks>
    public static int NumberSize(string number)
    {
        var negative = number.StartsWith('-');
        var text = number.AsSpan().TrimStart("+-");
        var e = text.IndexOfAny('e', 'E');
        var exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var mantissa = e < 0 ? text : text[..e];
        var point = mantissa.IndexOf('.');
        var integerDigits = (point < 0 ? mantissa.Length : point) + exponent;

        // Significant digits: the first and last non-zero digit, with how many digits stand before the decimal point.
        int first = -1, last = -1, index = 0;
        foreach (var c in mantissa)
        {
            if (c == '.') continue;
            if (c != '0')
            {
                if (first < 0) first = index;
                last = index;
            }

            index++;
        }

        if (first < 0) return 1;
        var beforePoint = integerDigits - first; // digits of the significant run that stand before the decimal point
        var leadingPad = ((beforePoint % 2) + 2) % 2; // pairs start at the decimal point: an odd count gets a leading 0
        var pairs = (leadingPad + last - first + 1 + 1) / 2;
        return 1 + pairs + (negative && pairs < 20 ? 1 : 0);
    }
}
