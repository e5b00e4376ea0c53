using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace PolarFlow.ApiService.Extensions;

/// <summary>
/// Redis is a cache and a rate-limit counter here, not a source of truth: without it the API still answers
/// (analytics computed on every request, key rate limits not enforced), so its loss is Degraded, not Unhealthy.
/// </summary>
public sealed class RedisCacheHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        const string without = "Redis is unreachable: analytics are computed on every request and per-key rate limits are not enforced";
        if (!redis.IsConnected) return HealthCheckResult.Degraded(without);
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"Redis answered in {latency.TotalMilliseconds:F1} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded(without, ex);
        }
    }
}
