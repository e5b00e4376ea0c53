using Microsoft.Extensions.Options;
using PolarFlow.ApiService.Redis;

namespace PolarFlow.ApiService.Analytics;

/// <summary>
/// Computed analytics in Redis, shared by every ApiService replica. The key holds the user's data version, so a
/// sync that changes the data makes every older entry unreachable at once (they expire after <see cref="Lifetime"/>).
/// Redis down or hung is not an error: the cache reports a miss (within the guard's timeout, then at once), the
/// caller computes, and /health says degraded.
/// </summary>
public sealed class AnalyticsCache(RedisGuard redis, IOptions<RedisOptions> options)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public string Key(string userId, string analytic, long version, DateOnly asOf, AnalyticsQuery query) =>
        $"{options.Value.KeyPrefix}:analytics:{userId}:v{version}:{analytic}:{asOf:yyyy-MM-dd}:{query.CacheKey}";

    public async Task<string?> GetAsync(string key)
    {
        var (ok, value) = await redis.TryAsync("analytics get", db => db.StringGetAsync(key));
        return ok && value.HasValue ? value.ToString() : null;
    }

    public Task SetAsync(string key, string json) => redis.TryAsync("analytics set", db => db.StringSetAsync(key, json, Lifetime));
}
