using CafeMenu.Dashboard.Otlp.Proto.Collector.Logs;
using CafeMenu.Dashboard.Otlp.Proto.Collector.Metrics;
using CafeMenu.Dashboard.Otlp.Proto.Collector.Trace;
using CafeMenu.Dashboard.Telemetry;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CafeMenu.Dashboard.Otlp;

/// <summary>OTLP/HTTP: POST /v1/traces, /v1/logs, /v1/metrics with application/x-protobuf or application/json.</summary>
internal static class OtlpHttpEndpoints
{
    public const int MaxBodyBytes = 16 * 1024 * 1024;
    private const string Protobuf = "application/x-protobuf";
    private const string Json = "application/json";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/traces", (HttpContext context, TelemetryStore store) =>
            Export<ExportTraceServiceRequest, ExportTraceServiceResponse>(context, r => OtlpConverter.AddTo(store, r)));
        app.MapPost("/v1/logs", (HttpContext context, TelemetryStore store) =>
            Export<ExportLogsServiceRequest, ExportLogsServiceResponse>(context, r => OtlpConverter.AddTo(store, r)));
        app.MapPost("/v1/metrics", (HttpContext context, TelemetryStore store) =>
            Export<ExportMetricsServiceRequest, ExportMetricsServiceResponse>(context, r => OtlpConverter.AddTo(store, r)));
    }

    private static async Task<IResult> Export<TRequest, TResponse>(HttpContext context, Action<TRequest> add)
        where TRequest : IMessage<TRequest>, new()
        where TResponse : IMessage<TResponse>, new()
    {
        var mediaType = context.Request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is not (Protobuf or Json))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type",
                detail: $"Send {Protobuf} or {Json}.");
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        TRequest request;
        try
        {
            if (mediaType == Protobuf)
            {
                request = new MessageParser<TRequest>(() => new TRequest()).ParseFrom(body.ToArray());
            }
            else
            {
                request = OtlpJson.Parse<TRequest>(System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length));
            }
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or FormatException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed OTLP request", detail: e.Message);
        }

        add(request);
        var response = new TResponse();
        return mediaType == Protobuf
            ? TypedResults.Bytes(response.ToByteArray(), Protobuf)
            : TypedResults.Text(JsonFormatter.Default.Format(response), Json);
    }
}
