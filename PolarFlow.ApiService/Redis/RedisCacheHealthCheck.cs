using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace PolarFlow.ApiService.Redis;

/// <summary>
/// Redis is a cache and a rate-limit counter here, not a source of truth: without it the API still answers
/// (analytics only from this replica's memory or computed, key rate limits not enforced), so its loss is Degraded, not Unhealthy.
/// Through the guard, so a hung Redis is reported within its timeout, and at once while the circuit is open.
/// </summary>
public sealed class RedisCacheHealthCheck(RedisGuard redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        const string without = "Redis is unreachable or hung: analytics are answered from this replica's memory or "
            + "computed, and per-key rate limits are not enforced";
        var (ok, latency) = await redis.TryAsync("health", db => db.PingAsync());
        return ok ? HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:F1} ms") : HealthCheckResult.Degraded(without);
    }
}
