using System.Text.Json;

namespace CafeMenu.Api.Tests;

/// <summary>infra/cafemenu.json as the build copies it next to the tests, with its resources by logical id.</summary>
internal static class InfraTemplate
{
    public const string FileName = "cafemenu.json";
    public const string MenuTable = "MenuTable";
    public const string OrdersTable = "OrdersTable";

    public static readonly JsonElement Root =
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "infra", FileName))).RootElement.Clone();

    public static JsonElement Resource(string logicalId) => Root.GetProperty("Resources").GetProperty(logicalId);

    public static JsonElement Properties(string logicalId) => Resource(logicalId).GetProperty("Properties");

    /// <summary>Every AWS::CloudWatch::Alarm, by logical id.</summary>
    public static IReadOnlyList<(string Id, JsonElement Properties)> Alarms() =>
        Root.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == "AWS::CloudWatch::Alarm")
            .Select(r => (r.Name, r.Value.GetProperty("Properties")))
            .ToList();

    /// <summary>The metrics an alarm reads (its Metrics entries with a MetricStat), with their dimensions.</summary>
    public static IReadOnlyList<Metric> MetricsOf(JsonElement alarm) =>
        alarm.GetProperty("Metrics").EnumerateArray()
            .Where(q => q.TryGetProperty("MetricStat", out _))
            .Select(q => q.GetProperty("MetricStat"))
            .Select(s => new Metric(
                s.GetProperty("Metric").GetProperty("MetricName").GetString()!,
                s.GetProperty("Metric").GetProperty("Dimensions").EnumerateArray()
                    .ToDictionary(d => d.GetProperty("Name").GetString()!, d => d.GetProperty("Value")),
                s.GetProperty("Period")))
            .ToList();

    /// <summary>A metric of an alarm: a dimension's value is a string or a Ref.</summary>
    public sealed record Metric(string Name, IReadOnlyDictionary<string, JsonElement> Dimensions, JsonElement Period)
    {
        /// <summary>The logical id of the table resource the TableName dimension refers to, if it refers to one.</summary>
        public string? Table =>
            Dimensions.TryGetValue("TableName", out var table) && table.ValueKind == JsonValueKind.Object ? Ref(table) : null;

        public string? Dimension(string name) =>
            Dimensions.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>The name a <c>{ "Ref": name }</c> refers to, else null.</summary>
    public static string? Ref(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object && value.TryGetProperty("Ref", out var name) ? name.GetString() : null;
}
