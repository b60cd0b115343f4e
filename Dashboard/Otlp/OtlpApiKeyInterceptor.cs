using CafeMenu.Dashboard.Web;
using CafeMenu.Hosting;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CafeMenu.Dashboard.Otlp;

/// <summary>Every OTLP/gRPC call must carry the x-otlp-api-key header; otherwise it ends with status Unauthenticated.</summary>
internal sealed class OtlpApiKeyInterceptor(DashboardOptions options) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (!ApiKey.Matches(context.RequestHeaders.GetValue(PortGate.ApiKeyHeader), options.OtlpApiKey))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated, $"The {PortGate.ApiKeyHeader} header is missing or wrong."));
        }

        return continuation(request, context);
    }
}
