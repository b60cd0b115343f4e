namespace CafeMenu.Dashboard.Tests;

/// <summary>OTLP/JSON bodies in the specification's mapping: hex ids, enums as integers, camelCase, 64-bit numbers as strings.</summary>
internal static class OtlpJsonSamples
{
    public const string TraceId = "5b8efff798038103d269b633813fc60c";
    public const string RootSpanId = "eee19b7ec3c1b174";
    public const string ChildSpanId = "eee19b7ec3c1b175";

    public const string Traces = $$"""
    {
      "resourceSpans": [{
        "resource": { "attributes": [{ "key": "service.name", "value": { "stringValue": "web" } }] },
        "scopeSpans": [{
          "scope": { "name": "Microsoft.AspNetCore", "version": "1.0" },
          "spans": [
            {
              "traceId": "{{TraceId}}", "spanId": "{{RootSpanId}}", "parentSpanId": "",
              "name": "GET /", "kind": 2,
              "startTimeUnixNano": "1700000000000000000", "endTimeUnixNano": "1700000000250000000",
              "attributes": [
                { "key": "http.response.status_code", "value": { "intValue": "200" } },
                { "key": "sampled", "value": { "boolValue": true } }
              ],
              "status": {}
            },
            {
              "traceId": "{{TraceId}}", "spanId": "{{ChildSpanId}}", "parentSpanId": "{{RootSpanId}}",
              "name": "GET", "kind": 3,
              "startTimeUnixNano": "1700000000010000000", "endTimeUnixNano": "1700000000200000000",
              "events": [{ "timeUnixNano": "1700000000150000000", "name": "exception",
                "attributes": [{ "key": "exception.type", "value": { "stringValue": "System.TimeoutException" } }] }],
              "status": { "code": 2, "message": "timeout" },
              "unknownFutureField": 1
            }
          ]
        }]
      }]
    }
    """;

    public const string Logs = $$"""
    {
      "resourceLogs": [{
        "resource": { "attributes": [{ "key": "service.name", "value": { "stringValue": "api" } }] },
        "scopeLogs": [{
          "scope": { "name": "CafeMenu.Api.MenuApi" },
          "logRecords": [{
            "timeUnixNano": "1700000000000000000", "severityNumber": 17, "severityText": "Error",
            "body": { "stringValue": "Table FoodProducts not found" },
            "attributes": [{ "key": "table", "value": { "stringValue": "FoodProducts" } },
                           { "key": "tags", "value": { "arrayValue": { "values": [{ "stringValue": "a" }, { "stringValue": "b" }] } } }],
            "traceId": "{{TraceId}}", "spanId": "{{RootSpanId}}"
          }]
        }]
      }]
    }
    """;

    public const string Metrics = """
    {
      "resourceMetrics": [{
        "resource": { "attributes": [{ "key": "service.name", "value": { "stringValue": "api" } }] },
        "scopeMetrics": [{
          "scope": { "name": "CafeMenu.Api" },
          "metrics": [
            { "name": "menu.reads", "unit": "{read}",
              "sum": { "aggregationTemporality": 2, "isMonotonic": true,
                "dataPoints": [{ "attributes": [{ "key": "route", "value": { "stringValue": "/menu" } }],
                  "startTimeUnixNano": "1700000000000000000", "timeUnixNano": "1700000001000000000", "asInt": "42" }] } },
            { "name": "http.server.request.duration", "unit": "s",
              "histogram": { "aggregationTemporality": 2,
                "dataPoints": [{ "startTimeUnixNano": "1700000000000000000", "timeUnixNano": "1700000001000000000",
                  "count": "4", "sum": 0.5, "bucketCounts": ["1", "2", "1"], "explicitBounds": [0.05, 0.1] }] } },
            { "name": "process.memory", "gauge": { "dataPoints": [{ "timeUnixNano": "1700000001000000000", "asDouble": 12.5 }] } }
          ]
        }]
      }]
    }
    """;
}
