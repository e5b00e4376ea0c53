using Microsoft.Extensions.Options;
using PolarFlow.ApiService.Redis;
using StackExchange.Redis;

namespace PolarFlow.ApiService.RateLimits;

/// <summary>The permits every replica has taken from one key's window, counted in Redis (one round trip a batch).</summary>
public sealed partial class SharedCount(RedisGuard redis, IOptions<RedisOptions> options, string keyId,
    ILogger<SharedCount> logger)
{
    // Counted and given its expiry in one step, so a window's count never outlives it by more than a minute.
    private static readonly LuaScript Add = LuaScript.Prepare(
        "local n = redis.call('INCRBY', @key, @permits) "
        + "if n == tonumber(@permits) then redis.call('EXPIRE', @key, 120) end return n");

    /// <summary>Adds the permits to the window's count and returns the new count; null when Redis cannot count.</summary>
    public async Task<long?> AddAsync(long window, int permits)
    {
        RedisKey key = $"{options.Value.KeyPrefix}:api-rate:{keyId}:{window}";
        var (ok, count) = await redis.TryAsync("rate limit", async db =>
            (long)await db.ScriptEvaluateAsync(Add, new { key, permits }));
        if (ok) return count;
        var reason = redis.IsOpen ? "Redis is being left alone after failures" : "Redis did not answer in time";
        LogNotCounted(logger, reason);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Requests pass uncounted for a moment: {Reason}")]
    private static partial void LogNotCounted(ILogger logger, string reason);
}
