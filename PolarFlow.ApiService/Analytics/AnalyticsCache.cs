using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;
using PolarFlow.ApiService.Redis;

namespace PolarFlow.ApiService.Analytics;

/// <summary>
/// Computed analytics in HybridCache: in this replica's memory (<see cref="LocalLifetime"/>) over Redis, which every
/// replica shares (<see cref="Lifetime"/>). The key holds the user's data version, so a sync that changes the data
/// makes every older entry unreachable at once, in memory and in Redis. Concurrent requests for one key wait for
/// one computation. Redis down or hung is not an error: memory still answers what this replica computed, the rest
/// is computed, and /health says degraded.
/// </summary>
public sealed class AnalyticsCache(HybridCache cache, IOptions<RedisOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);
    public static readonly TimeSpan LocalLifetime = TimeSpan.FromMinutes(10);

    private static readonly HybridCacheEntryOptions Entry = new()
    {
        Expiration = Lifetime,
        LocalCacheExpiration = LocalLifetime,
    };

    public string Key(string userId, string analytic, long version, DateOnly asOf, AnalyticsQuery query) =>
        $"{options.Value.KeyPrefix}:analytics:{userId}:v{version}:{analytic}:{asOf:yyyy-MM-dd}:{query.CacheKey}";

    /// <summary>The cached answer, else <paramref name="compute"/>'s (cached); <c>Computed</c> says which.</summary>
    public async Task<(string Json, bool Computed)> GetOrComputeAsync(string key,
        Func<CancellationToken, Task<string>> compute, CancellationToken ct)
    {
        var computed = false;
        var json = await cache.GetOrCreateAsync(key, async token =>
        {
            computed = true;
            return await compute(token);
        }, Entry, cancellationToken: ct);
        return (json, computed);
    }
}
