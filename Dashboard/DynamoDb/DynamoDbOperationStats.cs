using System.Globalization;
using System.Text.Json;
using CafeMenu.Dashboard.Telemetry;

namespace CafeMenu.Dashboard.DynamoDb;

/// <summary>Latency and consumed capacity per DynamoDB operation and table, from the client spans "DynamoDB.&lt;Operation&gt;".</summary>
internal sealed record DynamoDbOperationStats(
    string Resource, string Operation, string Tables, int Calls, int Errors, double P50Ms, double P99Ms, double MaxMs, double CapacityUnits)
{
    public const string SpanPrefix = "DynamoDB.";

    public static bool IsDynamoDbSpan(SpanEntry span) =>
        span.Name.StartsWith(SpanPrefix, StringComparison.Ordinal) && span.Kind == SpanKindName.Client;

    public static IReadOnlyList<DynamoDbOperationStats> From(IEnumerable<SpanEntry> spans) =>
        spans.Where(IsDynamoDbSpan)
            .GroupBy(s => (s.Resource, Operation: s.GetAttribute("rpc.method") ?? s.Name[SpanPrefix.Length..], Tables: TableNames(s)))
            .Select(g =>
            {
                var durations = g.Select(s => s.Duration.TotalMilliseconds).Order().ToList();
                return new DynamoDbOperationStats(
                    g.Key.Resource, g.Key.Operation, g.Key.Tables, durations.Count, g.Count(s => s.IsError),
                    Percentile(durations, 0.50), Percentile(durations, 0.99), durations[^1], g.Sum(CapacityOf));
            })
            .OrderBy(s => s.Resource, StringComparer.Ordinal).ThenBy(s => s.Operation, StringComparer.Ordinal).ThenBy(s => s.Tables, StringComparer.Ordinal)
            .ToList();

    /// <summary>aws.dynamodb.table_names is a string array; the store keeps arrays as "[a, b]".</summary>
    public static string TableNames(SpanEntry span) => (span.GetAttribute("aws.dynamodb.table_names") ?? "").Trim('[', ']');

    /// <summary>
    /// aws.dynamodb.consumed_capacity is an array of JSON ConsumedCapacity objects (semantic conventions); the store keeps
    /// arrays as "[json, json]", so the CapacityUnits numbers are read from each object.
    /// </summary>
    public static double CapacityOf(SpanEntry span)
    {
        var text = span.GetAttribute("aws.dynamodb.consumed_capacity");
        if (string.IsNullOrWhiteSpace(text)) return 0;
        double total = 0;
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowTrailingCommas = true });
        try
        {
            var depth = 0;
            string? property = null;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject: depth++; break;
                    case JsonTokenType.EndObject: depth--; break;
                    case JsonTokenType.PropertyName: property = reader.GetString(); break;
                    case JsonTokenType.Number when depth == 1 && property is "CapacityUnits" or "capacity_units":
                        total += reader.GetDouble();
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // "[{...}, {...}]" from the store is valid JSON; anything else counts for what was read before it.
        }

        return total;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double quantile)
    {
        if (sorted.Count == 0) return 0;
        var rank = (int)Math.Ceiling(quantile * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
