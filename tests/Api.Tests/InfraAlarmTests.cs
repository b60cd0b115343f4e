using Amazon.DynamoDBv2.Model;
using CafeMenu.Menu;

namespace CafeMenu.Api.Tests;

/// <summary>
/// The template's CloudWatch alarms cover every table and every global secondary index the code defines, read metrics
/// that exist, and take thresholds, periods and the notification topic from parameters. cfn-lint checks property
/// names and types; these check what it cannot know about DynamoDB's metrics.
/// </summary>
public sealed class InfraAlarmTests
{
    [Theory]
    [InlineData(InfraTemplate.MenuTable)]
    [InlineData(InfraTemplate.OrdersTable)]
    public void Every_table_has_alarms_on_throttling_system_errors_and_write_capacity(string table)
    {
        var metrics = InfraTemplate.Alarms().SelectMany(a => InfraTemplate.MetricsOf(a.Properties)).Where(m => m.Table == table)
            .Select(m => m.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "ThrottledRequests", "SystemErrors", "ConsumedWriteCapacityUnits" }, metrics);
    }

    [Theory]
    [InlineData(InfraTemplate.MenuTable)]
    [InlineData(InfraTemplate.OrdersTable)]
    public void Every_global_secondary_index_in_the_code_has_a_throttle_alarm(string table)
    {
        var indexes = Definition(table).GlobalSecondaryIndexes.Select(i => i.IndexName).ToList();
        Assert.NotEmpty(indexes);
        foreach (var index in indexes)
        {
            // The TableName dimension alone counts the table's throttle events, not its indexes': an index needs both dimensions.
            Assert.Contains(InfraTemplate.Alarms(), alarm =>
            {
                var onIndex = InfraTemplate.MetricsOf(alarm.Properties)
                    .Where(m => m.Table == table && m.Dimension("GlobalSecondaryIndexName") == index).Select(m => m.Name).ToHashSet();
                return onIndex.SetEquals(["ReadThrottleEvents", "WriteThrottleEvents"]);
            });
        }
    }

    [Fact]
    public void ThrottledRequests_and_SystemErrors_are_read_per_operation()
    {
        // DynamoDB publishes these two only with an Operation dimension; a TableName-only alarm would watch a metric that never exists.
        foreach (var (id, alarm) in InfraTemplate.Alarms())
        {
            var perOperation = InfraTemplate.MetricsOf(alarm).Where(m => m.Name is "ThrottledRequests" or "SystemErrors").ToList();
            var operations = perOperation.Select(m => m.Dimension("Operation")).ToList();
            Assert.All(operations, operation => Assert.False(string.IsNullOrEmpty(operation), $"{id}: a metric without Operation"));
            Assert.Equal(operations.Count, operations.Distinct().Count());
        }
    }

    [Fact]
    public void Thresholds_periods_and_the_notification_topic_are_parameters()
    {
        var parameters = InfraTemplate.Root.GetProperty("Parameters");
        var alarms = InfraTemplate.Alarms();
        Assert.Equal(8, alarms.Count);
        foreach (var (id, alarm) in alarms)
        {
            Assert.True(parameters.TryGetProperty(InfraTemplate.Ref(alarm.GetProperty("Threshold")) ?? "", out _), $"{id}: Threshold is not a parameter");
            Assert.True(parameters.TryGetProperty(InfraTemplate.Ref(alarm.GetProperty("EvaluationPeriods")) ?? "", out _), $"{id}: EvaluationPeriods is not a parameter");
            Assert.All(InfraTemplate.MetricsOf(alarm), m => Assert.Equal("AlarmPeriodSeconds", InfraTemplate.Ref(m.Period)));
            Assert.Equal("GreaterThanThreshold", alarm.GetProperty("ComparisonOperator").GetString());
            foreach (var actions in new[] { "AlarmActions", "OKActions" })
            {
                Assert.Equal("HasAlarmTopic", alarm.GetProperty(actions).GetProperty("Fn::If")[0].GetString());
            }
        }

        // "Above 0" by default: a single throttled request or system error fires the alarm.
        Assert.Equal(0, parameters.GetProperty("ThrottleAlarmThreshold").GetProperty("Default").GetInt32());
        Assert.Equal(0, parameters.GetProperty("SystemErrorsAlarmThreshold").GetProperty("Default").GetInt32());
    }

    [Fact]
    public void Every_alarm_fits_CloudWatch_metric_math_limits()
    {
        // An alarm's math may read at most 10 metrics (a hard CloudWatch limit) and must return exactly one expression.
        foreach (var (id, alarm) in InfraTemplate.Alarms())
        {
            var queries = alarm.GetProperty("Metrics").EnumerateArray().ToList();
            Assert.InRange(InfraTemplate.MetricsOf(alarm).Count, 1, 10);
            var returned = Assert.Single(queries, q => q.TryGetProperty("ReturnData", out var r) && r.GetBoolean());
            Assert.True(returned.TryGetProperty("Expression", out _), $"{id}: the returned query is not an expression");
            var ids = queries.Select(q => q.GetProperty("Id").GetString()!).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, i => Assert.True(char.IsAsciiLetterLower(i[0]), $"{id}: metric id {i} must start with a lowercase letter"));
        }
    }

    private static CreateTableRequest Definition(string table) => table switch
    {
        InfraTemplate.MenuTable => MenuTable.Definition(),
        InfraTemplate.OrdersTable => OrdersTable.Definition(),
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    };
}
