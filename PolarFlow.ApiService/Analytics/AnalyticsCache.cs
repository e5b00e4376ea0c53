using PolarFlow.ApiService.Extensions;
using StackExchange.Redis;

namespace PolarFlow.ApiService.Analytics;

/// <summary>
/// Computed analytics in Redis, shared by every ApiService replica. The key holds the user's data version, so a
/// sync that changes the data makes every older entry unreachable at once (they expire after <see cref="Lifetime"/>).
/// Redis being down is not an error: the cache reports a miss, the caller computes, and /health says degraded.
/// </summary>
public sealed partial class AnalyticsCache(IConnectionMultiplexer redis, IConfiguration configuration, ILogger<AnalyticsCache> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public string Key(string userId, string analytic, long version, DateOnly asOf, AnalyticsQuery query) =>
        $"{RedisKeys.Prefix(configuration)}:analytics:{userId}:v{version}:{analytic}:{asOf:yyyy-MM-dd}:{query.CacheKey}";

    public async Task<string?> GetAsync(string key)
    {
        if (!redis.IsConnected) return null;
        try
        {
            var value = await redis.GetDatabase().StringGetAsync(key);
            return value.HasValue ? value.ToString() : null;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogCacheUnavailable(logger, ex.Message);
            return null;
        }
    }

    public async Task SetAsync(string key, string json)
    {
        if (!redis.IsConnected) return;
        try
        {
            await redis.GetDatabase().StringSetAsync(key, json, Lifetime);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            LogCacheUnavailable(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The analytics cache is unavailable; computing without it: {Reason}")]
    private static partial void LogCacheUnavailable(ILogger logger, string reason);
}
