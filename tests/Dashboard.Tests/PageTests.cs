using Bunit;
using CafeMenu.Dashboard.Components.Pages;
using CafeMenu.Dashboard.Components.Shared;
using CafeMenu.Dashboard.DynamoDb;
using CafeMenu.Dashboard.Telemetry;
using CafeMenu.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.FluentUI.AspNetCore.Components;
using static CafeMenu.Dashboard.Tests.TelemetryStoreTests;
using Attribute = CafeMenu.Dashboard.Telemetry.Attribute;

namespace CafeMenu.Dashboard.Tests;

/// <summary>The pages' behaviour, rendered with bunit against a fake orchestrator and a real store.</summary>
public sealed class PageTests : BunitContext
{
    private readonly FakeResourceService _resources = new(FakeResourceService.Project("api", 5001), FakeResourceService.Project("web", 5002));
    private readonly TelemetryStore _store = new(Options.Create(new TelemetryLimits { MaxLogRecords = 3 }));
    private readonly FakeTimeProvider _time = new();

    public PageTests()
    {
        Services.AddSingleton<IResourceService>(_resources);
        Services.AddSingleton(_store);
        Services.AddSingleton<TimeProvider>(_time);
        Services.AddSingleton<DynamoDbBrowser>();
        Services.AddFluentUIComponents();
        // FluentUI's components call into their scripts; bunit has no browser, so those calls answer with defaults.
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Resources_lists_each_resource_and_runs_commands()
    {
        var page = Render<Resources>();
        Assert.Equal(2, page.FindAll("#resources tbody tr").Count);

        page.Find("tr:has([data-resource='api']) td.actions fluent-button:nth-of-type(2)").Click(); // Stop
        Assert.Contains("stop api", _resources.Commands);
        Assert.Contains("Exited", page.Find("tr:has([data-resource='api'])").TextContent);
    }

    [Fact]
    public void Resources_details_mask_secrets()
    {
        var page = Render<Resources>();
        page.Find("tr:has([data-resource='api']) fluent-button.details").Click();

        var details = page.Find("#details").TextContent;
        Assert.Contains("OTEL_EXPORTER_OTLP_HEADERS", details);
        Assert.DoesNotContain("super-secret-key", details);
        Assert.Contains(SecretMask.Masked, details);
        Assert.Contains("http://127.0.0.1:5001", details);
    }

    [Fact]
    public async Task Resources_follow_orchestrator_changes_live_and_unsubscribe_when_disposed()
    {
        var page = Render<Resources>();
        _resources.Update(_resources.GetResources()[1] with { State = ResourceState.Exited, ExitCode = 3 });
        _time.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => Assert.Contains("Exited", page.Find("tr:has([data-resource='web'])").TextContent));
        Assert.Equal(1, _resources.ResourceChangedSubscribers);

        await DisposeComponentsAsync();
        Assert.Equal(0, _resources.ResourceChangedSubscribers);
    }

    [Fact]
    public void Structured_logs_filter_by_level_text_attribute_and_trace()
    {
        _store.AddLogs([
            Log("Listing specials", severity: 9, traceId: "t1", attributes: new Attribute("table", "FoodProducts")),
            Log("Table missing", severity: 17, traceId: "t2", attributes: new Attribute("table", "Other")),
        ]);
        Services.GetRequiredService<NavigationManager>().NavigateTo("structuredlogs?traceId=t1");
        var page = Render<StructuredLogs>();
        var rows = page.FindAll("#logs tbody tr");
        Assert.Single(rows);
        Assert.Contains("Listing specials", rows[0].TextContent);
        Assert.Contains("trace t1", page.Find(".chip").TextContent);

        Services.GetRequiredService<NavigationManager>().NavigateTo("structuredlogs");
        Choose(page.Find("fluent-dropdown#level"), nameof(LogLevelName.Error));
        Assert.Equal(["Table missing"], page.FindAll("#logs td.message").Select(c => c.TextContent));
    }

    [Fact]
    public void Structured_logs_say_when_old_records_were_dropped()
    {
        _store.AddLogs(Enumerable.Range(0, 5).Select(i => Log($"m{i}")));
        var page = Render<StructuredLogs>();
        Assert.Contains("2 older log records dropped", page.Find(".notice").TextContent);
    }

    [Fact]
    public void Trace_detail_shows_the_waterfall_in_tree_order_and_a_spans_details()
    {
        _store.AddSpans([
            Span("t1", "c", parent: "b", resource: "api", name: "DynamoDB.Query", startMs: 5, durationMs: 3, kind: SpanKindName.Client, attributes: new Attribute("rpc.method", "Query")),
            Span("t1", "a", resource: "web", name: "GET /", startMs: 0, durationMs: 20, kind: SpanKindName.Server),
            Span("t1", "b", parent: "a", resource: "api", name: "GET /menu", startMs: 2, durationMs: 15, kind: SpanKindName.Server),
        ]);
        var page = Render<TraceDetail>(p => p.Add(c => c.TraceId, "t1"));

        var rows = page.FindAll("#waterfall .wf-row:not(.wf-head) .wf-name");
        Assert.Equal(["web GET /", "api GET /menu", "api DynamoDB.Query"], rows.Select(r => string.Join(' ', r.TextContent.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        Assert.Contains("DynamoDB: 1 calls, 3 ms", page.Find(".toolbar").TextContent);

        page.FindAll("#waterfall .wf-row:not(.wf-head)")[2].Click();
        Assert.Contains("rpc.method", page.Find("#span-details").TextContent);
        Assert.Contains("Query", page.Find("#span-details").TextContent);
    }

    [Fact]
    public void Trace_detail_for_an_unknown_trace_says_so()
    {
        var page = Render<TraceDetail>(p => p.Add(c => c.TraceId, "missing"));
        Assert.Contains("not (or no longer) in the store", page.Markup);
    }

    [Fact]
    public void Console_marks_stderr_filters_and_pauses()
    {
        _store.AddConsoleLine(new ConsoleLogLine("api", DateTimeOffset.UtcNow, "listening", false));
        _store.AddConsoleLine(new ConsoleLogLine("api", DateTimeOffset.UtcNow, "boom", true));
        var page = Render<ConsoleLogs>(p => p.Add(c => c.Resource, "api"));

        Assert.Equal(2, page.FindAll("#console .line").Count);
        Assert.Contains("boom", page.Find("#console .stderr").TextContent);

        page.Find("fluent-text-input#filter").Change("listen");
        Assert.Single(page.FindAll("#console .line"));
        page.Find("fluent-text-input#filter").Change("");

        page.Find(".toolbar fluent-button.pause").Click(); // Pause
        _store.AddConsoleLine(new ConsoleLogLine("api", DateTimeOffset.UtcNow, "while paused", false));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, page.FindAll("#console .line").Count);

        page.Find(".toolbar fluent-button.pause").Click(); // Resume
        Assert.Equal(3, page.FindAll("#console .line").Count);
    }

    [Fact]
    public void Traces_list_filters_errors_and_duration()
    {
        _store.AddSpans([
            Span("fast", "a", resource: "web", durationMs: 2),
            Span("slow", "a", resource: "web", durationMs: 200),
            Span("failed", "a", resource: "api", durationMs: 5, error: true),
        ]);
        var page = Render<Traces>();
        Assert.Equal(3, page.FindAll("#traces tbody tr").Count);

        page.Find("fluent-checkbox#errors-only").Change(true);
        Assert.Single(page.FindAll("#traces tbody tr"));
        Assert.Contains("error", page.Find("#traces tbody tr").TextContent);

        page.Find("fluent-checkbox#errors-only").Change(false);
        page.Find("fluent-text-input#min-duration").Change("100");
        Assert.Single(page.FindAll("#traces tbody tr"));
        Assert.Contains("200 ms", page.Find("#traces tbody tr").TextContent);
    }

    /// <summary>Picks an option of a FluentSelect as its script does: a dropdownchange event naming the chosen option's id.</summary>
    private static void Choose(AngleSharp.Dom.IElement dropdown, string value)
    {
        var option = dropdown.QuerySelectorAll("fluent-option").Single(o => o.GetAttribute("value") == value);
        dropdown.TriggerEvent("ondropdownchange", new DropdownEventArgs { Id = dropdown.Id, SelectedOptions = option.Id });
    }
}
