using System.Globalization;
using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;
using A = CafeMenu.Menu.MenuTable.Attributes;

namespace CafeMenu.Api.Data;

/// <summary>
/// Builds one UpdateExpression. Every attribute is named through ExpressionAttributeNames (#name), so names DynamoDB reserves
/// can never break an expression; every update also bumps <c>version</c> and sets <c>updated_at</c>.
/// </summary>
internal sealed class UpdateBuilder
{
    // Items written by other tools may lack a version; they count as version 0.
    private const string VersionStep = "#version = if_not_exists(#version, :zero) + :one";

    private readonly Dictionary<string, AttributeValue> _written = [];
    private readonly List<string> _removed = [];

    public UpdateBuilder(DateTimeOffset now)
    {
        Names["#pk"] = A.ProductName;
        Name(A.Version);
        Values[":zero"] = MenuItemMapper.Number(0);
        Values[":one"] = MenuItemMapper.Number(1);
        Set(A.UpdatedAt, new AttributeValue { S = now.ToString("O", CultureInfo.InvariantCulture) });
    }

    public Dictionary<string, string> Names { get; } = [];

    public Dictionary<string, AttributeValue> Values { get; } = [];

    public string Expression
    {
        get
        {
            var set = $"SET {string.Join(", ", _written.Keys.Select(a => $"#{a} = :{a}").Prepend(VersionStep))}";
            return _removed.Count == 0 ? set : $"{set} REMOVE {string.Join(", ", _removed.Select(a => $"#{a}"))}";
        }
    }

    public void Set(string attribute, AttributeValue value)
    {
        Name(attribute);
        Values[$":{attribute}"] = value;
        _written[attribute] = value;
    }

    public void Remove(string attribute)
    {
        Name(attribute);
        _removed.Add(attribute);
    }

    /// <summary>
    /// Whether <paramref name="item"/> holds every value this update sets (its updated_at included) and none it removes: how
    /// a retried attempt that DynamoDB had applied is told from another request's write of the same clock tick.
    /// </summary>
    public bool AppliedTo(Dictionary<string, AttributeValue> item) =>
        _written.All(w => item.TryGetValue(w.Key, out var stored) && StoredValue.Same(stored, w.Value))
        && _removed.All(r => !item.ContainsKey(r));

    /// <summary>
    /// <paramref name="item"/> as this update would leave it, but for version (a whole version stays whole when one is
    /// added): what the Api would have to show after writing.
    /// </summary>
    public Dictionary<string, AttributeValue> AppliedOn(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var result = new Dictionary<string, AttributeValue>(item);
        foreach (var (attribute, value) in _written) result[attribute] = value;
        foreach (var attribute in _removed) result.Remove(attribute);
        return result;
    }

    public string? VersionCondition(VersionCondition condition) => VersionClause(condition, Names, Values);

    /// <summary>The condition for If-Match, or null for <c>*</c> (any existing item).</summary>
    public static string? VersionClause(VersionCondition condition, Dictionary<string, string> names, Dictionary<string, AttributeValue> values)
    {
        if (condition.AnyVersion) return null;
        names["#version"] = A.Version;
        var placeholders = condition.Versions.Distinct().Select((version, i) =>
        {
            values[$":v{i}"] = MenuItemMapper.Number(version);
            return $":v{i}";
        }).ToList();
        var clause = $"#version IN ({string.Join(", ", placeholders)})";
        return condition.Versions.Contains(0) ? $"({clause} OR attribute_not_exists(#version))" : clause;
    }

    private string Name(string attribute)
    {
        Names[$"#{attribute}"] = attribute;
        return $"#{attribute}";
    }
}
