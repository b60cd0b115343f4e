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
    private readonly List<string> _set = [];
    private readonly List<string> _remove = [];
    private readonly Dictionary<string, AttributeValue> _written = [];
    private readonly List<string> _removed = [];

    public UpdateBuilder(DateTimeOffset now)
    {
        Now = now;
        Names["#pk"] = A.ProductName;
        Name(A.Version);
        Values[":zero"] = MenuItemMapper.Number(0);
        Values[":one"] = MenuItemMapper.Number(1);
        // Items written by other tools may lack a version; they count as version 0.
        _set.Add("#version = if_not_exists(#version, :zero) + :one");
        Set(A.UpdatedAt, new AttributeValue { S = now.ToString("O", CultureInfo.InvariantCulture) });
    }

    /// <summary>The updated_at this update writes.</summary>
    public DateTimeOffset Now { get; }

    public Dictionary<string, string> Names { get; } = [];

    public Dictionary<string, AttributeValue> Values { get; } = [];

    public string Expression => _remove.Count == 0
        ? $"SET {string.Join(", ", _set)}"
        : $"SET {string.Join(", ", _set)} REMOVE {string.Join(", ", _remove)}";

    public void Set(string attribute, AttributeValue value)
    {
        Values[$":{attribute}"] = value;
        _written[attribute] = value;
        _set.Add($"{Name(attribute)} = :{attribute}");
    }

    public void Remove(string attribute)
    {
        _removed.Add(attribute);
        _remove.Add(Name(attribute));
    }

    /// <summary>
    /// Whether <paramref name="item"/> holds every value this update sets (its updated_at included) and none it removes: how
    /// a retried attempt that DynamoDB had applied is told from another request's write of the same clock tick.
    /// </summary>
    public bool AppliedTo(Dictionary<string, AttributeValue> item) =>
        _written.All(w => item.TryGetValue(w.Key, out var stored) && StoredValue.Same(stored, w.Value))
        && _removed.All(r => !item.ContainsKey(r));

    /// <summary>
    /// <paramref name="item"/> as this update would leave it, but for version and updated_at (a whole version stays whole
    /// when one is added): what the Api would have to show after writing.
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
