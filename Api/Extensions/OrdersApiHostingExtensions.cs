using CafeMenu.Api.Data;
using CafeMenu.Api.Telemetry;

namespace CafeMenu.Api.Extensions;

/// <summary>Services of the ordering half of the Api.</summary>
internal static class OrdersApiHostingExtensions
{
    public static WebApplicationBuilder AddOrdersApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OrdersApiOptions>()
            .BindConfiguration(OrdersApiOptions.SectionName)
            .Validate(o => !string.IsNullOrWhiteSpace(o.TableName), "Orders:TableName must name a DynamoDB table.")
            .Validate(o => o.UnpaidExpiry > TimeSpan.Zero, "Orders:UnpaidExpiry must be positive.")
            .Validate(o => o.IdempotencyWindow > TimeSpan.Zero, "Orders:IdempotencyWindow must be positive.")
            .ValidateOnStart();
        services.AddSingleton<OrdersRepository>();
        services.AddSingleton<MenuProductsReader>();
        services.AddSingleton<OrderPlacement>();
        services.AddSingleton<OrderStatusWrites>();
        services.AddSingleton<OrderCancellation>();
        services.AddSingleton<OrdersTelemetry>();
        return builder;
    }
}
