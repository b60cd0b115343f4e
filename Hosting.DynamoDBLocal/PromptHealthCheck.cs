using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CafeMenu.Hosting.DynamoDBLocal;

/// <summary>
/// A health check that, until its resource is first healthy, keeps probing within one call (every 100 ms, for up to
/// 5 s) instead of answering Unhealthy at once. Aspire's health monitor waits 1, 2, 3, 4, then 5 s between failing
/// checks, so a resource that comes up just after a check is seen up to 5 s late, and every WaitFor behind it starts
/// that much later; probing within the call sees it within 100 ms. Once healthy, each call is one probe.
/// </summary>
public sealed class PromptHealthCheck(Func<CancellationToken, Task<HealthCheckResult>> probe) : IHealthCheck
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private bool _wasHealthy;

    /// <summary>
    /// Registers one check under <paramref name="key"/>. One instance, not one per run: the health check service calls
    /// a registration's factory on every run, and the check must remember that its resource was healthy once.
    /// </summary>
    public static void Register(IServiceCollection services, string key, Func<CancellationToken, Task<HealthCheckResult>> probe)
    {
        var check = new PromptHealthCheck(probe);
        services.AddHealthChecks().Add(new HealthCheckRegistration(key, _ => check, failureStatus: null, tags: null));
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var giveUp = DateTime.UtcNow + Patience;
        while (true)
        {
            var result = await probe(cancellationToken);
            if (result.Status == HealthStatus.Healthy)
            {
                _wasHealthy = true;
                return result;
            }

            if (_wasHealthy || DateTime.UtcNow >= giveUp) return result;
            await Task.Delay(Interval, cancellationToken);
        }
    }
}
