using System.Globalization;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Loader.Validation;
using CafeMenu.Menu;

namespace CafeMenu.Loader.Tests;

/// <summary>
/// Generated hostile items for the agreement test: every type, each limit at, one under and one over, nesting depths, set
/// contents, index keys and sizes. The table they are meant for has key pk (S) + sk (B), a global index gpk (S) + gsk (S),
/// a global index gn (N) and a local index lsk (S); perhaps also a global index sk + pk, which holds pk to a sort key's size.
/// </summary>
internal static class EdgeCaseItems
{
    /// <summary>
    /// DynamoDB Local 3.3.1 stores a name of 50,000 UTF-8 bytes and answers HTTP 500 (InternalFailure) from 50,001, where
    /// DynamoDB documents 64 KB: the agreement test treats that range as a known difference of DynamoDB Local.
    /// </summary>
    public const int DynamoDbLocalMaxNameBytes = 50_000;

    public static IEnumerable<(string Case, Dictionary<string, AttributeValue> Item)> Generate(int seed)
    {
        var random = new Random(seed);
        var n = 0;
        (string, Dictionary<string, AttributeValue>) Item(string name, params (string Name, AttributeValue Value)[] attributes)
        {
            var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                ["pk"] = S($"item {n++}"),
                ["sk"] = new() { B = new MemoryStream([1, 2]) },
            };
            foreach (var (key, value) in attributes) item[key] = value;
            return (name, item);
        }

        foreach (var delta in new[] { -1, 0, 1 })
        {
            // Key sizes, ASCII and two-byte characters, on the table and on each index.
            foreach (var (attribute, limit) in new[] { ("gpk", 2048), ("gsk", 1024), ("lsk", 1024) })
            {
                yield return Item($"{attribute} of {limit + delta} bytes", (attribute, S(new string('k', limit + delta))));
                yield return Item($"{attribute} of {limit + delta} bytes in é", (attribute, S(new string('é', (limit + delta) / 2) + new string('k', (limit + delta) % 2))));
            }

            // The table's partition key at its own limit and at a sort key's (an index that uses it as its sort key).
            foreach (var limit in new[] { 2048, 1024 })
            {
                var (_, longKey) = Item("pk");
                longKey["pk"] = S(new string('p', limit + delta));
                yield return ($"pk of {limit + delta} bytes", longKey);
            }

            var (_, wide) = Item("sk");
            wide["sk"] = new() { B = new MemoryStream(new byte[1024 + delta]) };
            yield return ($"sk of {1024 + delta} bytes", wide);

            // Names: DynamoDB's documented bound (the Loader's) and DynamoDB Local's lower one, top level and in a map.
            foreach (var bound in new[] { ValueRules.MaxNameBytes, DynamoDbLocalMaxNameBytes })
            {
                var bytes = bound + delta;
                yield return Item($"a name of {bytes} bytes", (new string('n', bytes), S("v")));
                yield return Item($"a map key of {bytes} bytes", ("m", M((new string('é', bytes / 2) + new string('n', bytes % 2), S("v")))));
            }

            // Nesting at 30, 31 and 32 lists and maps.
            foreach (var kind in new[] { "L", "M", "mixed" })
            {
                yield return Item($"{kind} nested {31 + delta} deep", ("x", Nest(31 + delta, kind, random)));
            }
        }

        // Index keys of every type, NULL included, and empty.
        foreach (var index in new[] { "gpk", "gsk", "lsk", "gn" })
        {
            foreach (var (type, value) in Scalars(random)) yield return Item($"{index} as {type}", (index, value));
        }

        // Sets: distinct, equal by value (numbers spelled differently, the same bytes), exactly equal, nested.
        foreach (var number in Numbers(random).Take(60))
        {
            yield return Item($"NS of {number} and a respelling", ("ns", new() { NS = [number, Respell(number, random)] }));
            yield return Item($"NS of {number} and a different number", ("ns", new() { NS = [number, Different(number)] }));
        }

        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[random.Next(0, 6)];
            random.NextBytes(bytes);
            var other = (byte[])bytes.Clone();
            if (i % 2 == 1 && other.Length > 0) other[0] ^= 1;
            yield return Item($"BS of {Convert.ToHexString(bytes)} and {Convert.ToHexString(other)}", ("bs", new() { BS = [new MemoryStream(bytes), new MemoryStream(other)] }));
            yield return Item("SS pair", ("ss", new() { SS = [bytes.Length.ToString(CultureInfo.InvariantCulture), other.Length.ToString(CultureInfo.InvariantCulture), i % 2 == 0 ? "" : "x"] }));
            yield return Item("NS in a map in a list", ("l", new() { L = [M(("k", new AttributeValue { NS = ["1E2", i % 2 == 0 ? "100" : "101"] }))] }));
        }

        // Numbers at DynamoDB's limits and one step beyond, both signs, as a number, in a list and in a set: 38 significant
        // digits and 39, the smallest magnitude and one tenth of it, the largest and the next power of ten.
        foreach (var number in new[]
        {
            "12345678901234567890123456789012345678", "123456789012345678901234567890123456789", "1234567890123456789012345678901234567800",
            "1E-130", "1E-131", "0.1E-129", "9.9999999999999999999999999999999999999E+125", "1E+126", "99999999999999999999999999999999999999E+88",
        })
        {
            foreach (var signed in new[] { number, "-" + number })
            {
                yield return Item($"N {signed}", ("n", new() { N = signed }));
                yield return Item($"N {signed} in a list", ("l", new() { L = [new() { N = signed }] }));
                yield return Item($"NS of {signed}", ("ns", new() { NS = [signed, "1"] }));
            }
        }

        // Empty sets (DynamoDB has none), and empty lists and maps (it has those).
        foreach (var (type, value) in new (string, AttributeValue)[]
        {
            ("SS", new() { SS = [] }), ("NS", new() { NS = [] }), ("BS", new() { BS = [] }), ("L", new() { L = [] }), ("M", new() { M = [] }),
        })
        {
            yield return Item($"an empty {type}", ("e", value));
        }

        // Empty names at every depth, beside valid ones.
        for (var depth = 0; depth < 6; depth++)
        {
            AttributeValue value = M(("", S("e")));
            for (var d = 0; d < depth; d++) value = d % 2 == 0 ? new AttributeValue { L = [value] } : M(("k", value));
            yield return Item($"an empty name {depth} deep", ("x", value));
            yield return Item($"a one-character name {depth} deep", ("x", RenameEmpty(value)));
        }

        // Item size at 409,600 bytes, one under and one over, with numbers of every shape to make the size estimate exact.
        foreach (var number in Numbers(random).Take(50))
        {
            foreach (var delta in new[] { -1, 0, 1 })
            {
                var (name, item) = Item($"{ItemSize.MaxBytes + delta} bytes with {number}", ("n", new() { N = number }), ("ns", new() { NS = [number] }), ("l", new() { L = [new() { N = number }] }));
                item["pad"] = S(new string('x', ItemSize.MaxBytes + delta - ItemSize.Of(item) - 3));
                yield return (name, item);
            }
        }

        // Ordinary values of every type, many of them.
        for (var i = 0; i < 600; i++)
        {
            var attributes = Enumerable.Range(0, random.Next(1, 6)).Select(a => ($"a{a}", Scalars(random).ElementAt(random.Next(8)).Value));
            yield return Item("mixed values", [.. attributes, ("gn", new AttributeValue { N = Numbers(random).First() })]);
        }
    }

    private static AttributeValue S(string text) => new() { S = text };

    private static AttributeValue M(params (string Name, AttributeValue Value)[] members) => new() { M = members.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal) };

    private static AttributeValue Nest(int depth, string kind, Random random)
    {
        AttributeValue value = new() { N = "1" };
        for (var d = 0; d < depth; d++)
        {
            var list = kind == "L" || (kind == "mixed" && random.Next(2) == 0);
            value = list ? new AttributeValue { L = [value, S("s")] } : M(("k", value), ("o", new AttributeValue { BOOL = true }));
        }

        return value;
    }

    private static AttributeValue RenameEmpty(AttributeValue value) =>
        value.M is { } map ? new AttributeValue { M = map.ToDictionary(kv => kv.Key.Length == 0 ? "e" : kv.Key, kv => RenameEmpty(kv.Value), StringComparer.Ordinal) }
        : value.L is { } list ? new AttributeValue { L = list.Select(RenameEmpty).ToList() }
        : value;

    private static IEnumerable<(string Type, AttributeValue Value)> Scalars(Random random)
    {
        yield return ("S", S("x" + random.Next(1000)));
        yield return ("empty S", S(""));
        yield return ("N", new() { N = Numbers(random).First() });
        yield return ("B", new() { B = new MemoryStream([(byte)random.Next(256)]) });
        yield return ("empty B", new() { B = new MemoryStream() });
        yield return ("BOOL", new() { BOOL = random.Next(2) == 0 });
        yield return ("NULL", new() { NULL = true });
        yield return ("SS", new() { SS = ["a", "b"] });
    }

    /// <summary>Numbers of every shape: signs, decimals, trailing and leading zeros, 38 significant digits, the extremes.</summary>
    public static IEnumerable<string> Numbers(Random random)
    {
        while (true)
        {
            var digits = random.Next(1, 39);
            var text = (char)('1' + random.Next(9)) + string.Concat(Enumerable.Range(1, digits - 1).Select(_ => (char)('0' + random.Next(10))));
            text = random.Next(4) switch
            {
                0 => text + new string('0', random.Next(0, 4)), // trailing zeros: 41-digit integers included
                1 => text.Length > 1 ? text.Insert(random.Next(1, text.Length), ".") : text + ".5",
                2 => "0." + new string('0', random.Next(0, 4)) + text,
                _ => text + "E" + random.Next(-120, 80).ToString(CultureInfo.InvariantCulture),
            };
            if (random.Next(2) == 0) text = "-" + text;
            if (DynamoNumber.IsValid(text, out _)) yield return text;
        }
    }

    /// <summary>The same value written differently: 12 as 12.0 or 12E0, 1.5E3 as 1.50E3.</summary>
    private static string Respell(string number, Random random)
    {
        var e = number.IndexOf('E');
        var (mantissa, exponent) = e < 0 ? (number, "") : (number[..e], number[e..]);
        if (e < 0 && random.Next(2) == 0) return number + "E0";
        return mantissa + (mantissa.Contains('.') ? "0" : ".0") + exponent;
    }

    /// <summary>Another value: one more digit at the end of the mantissa.</summary>
    private static string Different(string number)
    {
        var e = number.IndexOf('E');
        return e < 0 ? number + "1" : number[..e] + "1" + number[e..];
    }
}
