using CafeMenu.Dashboard.Otlp.Proto.Collector.Logs;
using CafeMenu.Dashboard.Otlp.Proto.Collector.Metrics;
using CafeMenu.Dashboard.Otlp.Proto.Collector.Trace;
using CafeMenu.Dashboard.Telemetry;
using Grpc.Core;

namespace CafeMenu.Dashboard.Otlp;

/// <summary>The OTLP/gRPC collector services (the .NET exporter's default protocol).</summary>
internal static class OtlpGrpcServices
{
    public sealed class Traces(TelemetryStore store) : TraceService.TraceServiceBase
    {
        public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
        {
            OtlpConverter.AddTo(store, request);
            return Task.FromResult(new ExportTraceServiceResponse());
        }
    }

    public sealed class Logs(TelemetryStore store) : LogsService.LogsServiceBase
    {
        public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
        {
            OtlpConverter.AddTo(store, request);
            return Task.FromResult(new ExportLogsServiceResponse());
        }
    }

    public sealed class Metrics(TelemetryStore store) : MetricsService.MetricsServiceBase
    {
        public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
        {
            OtlpConverter.AddTo(store, request);
            return Task.FromResult(new ExportMetricsServiceResponse());
        }
    }
}
