using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Logs;

namespace CafeMenu.ServiceDefaults.Tests;

public sealed class LogExportTests
{
    [Fact]
    public async Task A_log_keeps_its_template_values_its_message_its_scope_and_the_current_trace()
    {
        await using var host = await TelemetryTestHost.StartAsync();
        var logger = host.Host.Services.GetRequiredService<ILogger<LogExportTests>>();

        Activity outer;
        using (outer = TelemetryTestHost.TestSource.StartActivity("test")!)
        using (logger.BeginScope("Loading {File}", "menu.json"))
        {
            logger.LogInformation("Added {ProductName} at {Price}", "Latte", 3.50m);
        }

        var record = Assert.Single(host.Logs, r => r.TraceId == outer.TraceId);
        Assert.Equal(outer.SpanId, record.SpanId);
        Assert.Equal(typeof(LogExportTests).FullName, record.CategoryName);
        Assert.Equal(LogLevel.Information, record.LogLevel);
        Assert.Equal("Added Latte at 3.50", record.FormattedMessage);
        var attributes = record.Attributes!.ToDictionary(a => a.Key, a => a.Value);
        Assert.Equal("Latte", attributes["ProductName"]);
        Assert.Equal(3.50m, attributes["Price"]);
        Assert.Equal("Added {ProductName} at {Price}", attributes["{OriginalFormat}"]);

        var scopeValues = new List<KeyValuePair<string, object?>>();
        record.ForEachScope(
            (scope, values) =>
            {
                foreach (var value in scope) values.Add(value);
            },
            scopeValues);
        Assert.Contains(scopeValues, kv => kv.Key == "File" && (string?)kv.Value == "menu.json");
    }
}
