using System.Text;
using Amazon.DynamoDBv2.Model;

namespace CafeMenu.Loader.Validation;

/// <summary>
/// DynamoDB's rules for what lies inside an attribute, at any depth: names not empty and bounded, set members distinct by
/// value, lists and maps nested at most 31 deep. Every input format builds attribute values first, so one walk covers all.
/// </summary>
internal static class ValueRules
{
    /// <summary>DynamoDB Local refuses an item with 32 lists or maps nested in one attribute and takes one with 31.</summary>
    public const int MaxNestedContainers = 31;

    /// <summary>
    /// The longest attribute name the Loader takes, in UTF-8 bytes, at any depth: DynamoDB's documented 64 KB. DynamoDB Local
    /// 3.3.1 stores names of 50,000 bytes and answers HTTP 500 (InternalFailure) from 50,001; against it, such an item is
    /// isolated by the write step (Writing/FailureIsolation.cs) and reported failed while its neighbours are written.
    /// </summary>
    public const int MaxNameBytes = 65_535;

    /// <summary>Adds the problems of one top-level attribute to <paramref name="problems"/>.</summary>
    public static void Check(string name, AttributeValue value, List<(string? Attribute, string Reason)> problems)
    {
        CheckName(name, null, problems);
        var depth = Walk(value, name, problems);
        if (depth > MaxNestedContainers)
        {
            problems.Add((name, $"nests {depth} lists and maps inside each other; DynamoDB allows at most {MaxNestedContainers} (32 levels, counting the item)"));
        }
    }

    /// <summary>Checks the value's members and returns how many lists and maps are nested inside each other in it, at the deepest.</summary>
    /// <remarks>A path is built only for a member that is itself a list, map or set: scalars, most of the values, cost no string.</remarks>
    private static int Walk(AttributeValue value, string path, List<(string?, string)> problems)
    {
        if (value.L is { } list)
        {
            var deepest = 0;
            for (var i = 0; i < list.Count; i++)
            {
                if (IsScalar(list[i])) continue;
                deepest = Math.Max(deepest, Walk(list[i], $"{path}[{i}]", problems));
            }

            return deepest + 1;
        }

        if (value.M is { } map)
        {
            var deepest = 0;
            foreach (var (key, member) in map)
            {
                CheckName(key, path, problems);
                if (IsScalar(member)) continue;
                deepest = Math.Max(deepest, Walk(member, $"{path}.{key}", problems));
            }

            return deepest + 1;
        }

        if (value.SS is { Count: > 1 } strings) CheckDistinct(strings, s => s, path, "SS", problems);
        else if (value.NS is { Count: > 1 } numbers) CheckDistinct(numbers, ItemKey.CanonicalNumber, path, "NS", problems);
        else if (value.BS is { Count: > 1 } binaries) CheckDistinct(binaries, b => Convert.ToBase64String(b.ToArray()), path, "BS", problems);
        return 0;
    }

    private static bool IsScalar(AttributeValue value) => value.L is null && value.M is null && value.SS is null && value.NS is null && value.BS is null;

    /// <summary>DynamoDB refuses a set with two members equal by value: the numbers 1 and 1.0, two base64 texts of the same bytes.</summary>
    private static void CheckDistinct<T>(List<T> members, Func<T, string> canonical, string path, string type, List<(string?, string)> problems)
    {
        var seen = new Dictionary<string, int>(members.Count, StringComparer.Ordinal);
        for (var i = 0; i < members.Count; i++)
        {
            if (seen.TryAdd(canonical(members[i]), i)) continue;
            var first = seen[canonical(members[i])];
            problems.Add((path, $"{type} members {first + 1} and {i + 1} are equal{(type == "SS" ? "" : " by value")}; DynamoDB refuses duplicates in a set"));
            return;
        }
    }

    private static void CheckName(string name, string? mapPath, List<(string?, string)> problems)
    {
        if (name.Length == 0)
        {
            problems.Add((mapPath ?? "\"\"", mapPath is null ? "attribute names must not be empty" : "holds an attribute name that is empty; DynamoDB refuses empty names at any depth"));
        }
        else if (name.Length > MaxNameBytes / 3 && Encoding.UTF8.GetByteCount(name) is var bytes and > MaxNameBytes)
        {
            var shown = name[..(char.IsHighSurrogate(name[19]) ? 19 : 20)] + "...";
            problems.Add((mapPath ?? shown, $"the attribute name {(mapPath is null ? "" : $"{shown} ")}is {bytes:N0} bytes; the Loader allows at most {MaxNameBytes:N0} (DynamoDB's limit of 64 KB)"));
        }
    }
}
