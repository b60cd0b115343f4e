using CafeMenu.Api.Data;
using CafeMenu.Api.Telemetry;

namespace CafeMenu.Api.Apis;

/// <summary>What every order endpoint needs, bound with [AsParameters].</summary>
internal sealed record OrderServices(
    OrdersRepository Orders, OrderPlacement Placement, OrderStatusWrites StatusWrites, CursorProtector Cursors, OrdersTelemetry Telemetry,
    ILogger<OrderServices> Logger);
