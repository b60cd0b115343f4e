using CafeMenu.Api.Data;
using CafeMenu.Api.Telemetry;

namespace CafeMenu.Api.Apis;

/// <summary>What every menu endpoint needs, bound with [AsParameters].</summary>
internal sealed record MenuServices(MenuRepository Repository, CursorProtector Cursors, ApiTelemetry Telemetry, ILogger<MenuServices> Logger);
