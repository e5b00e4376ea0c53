using Microsoft.Extensions.Caching.Distributed;
using StackExchange.Redis;

namespace PolarFlow.ApiService.Redis;

/// <summary>
/// Redis as HybridCache's second level, through <see cref="RedisGuard"/>: a Redis that is slow, hung or down is a
/// miss (and a write not made), never a wait of more than the guard's timeout and never an error.
/// </summary>
public sealed class GuardedDistributedCache(RedisGuard redis) : IDistributedCache
{
    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        var (ok, value) = await redis.TryAsync("cache get", db => db.StringGetAsync(key));
        return ok && value.HasValue ? (byte[]?)value : null;
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options,
        CancellationToken token = default) =>
        redis.TryAsync("cache set", db => db.StringSetAsync(key, value, Lifetime(options)));

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask; // no sliding expiry

    public Task RemoveAsync(string key, CancellationToken token = default) =>
        redis.TryAsync("cache remove", db => db.KeyDeleteAsync(key));

    // HybridCache calls the asynchronous members only.
    public byte[]? Get(string key) => throw new NotSupportedException("Use GetAsync.");

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options) =>
        throw new NotSupportedException("Use SetAsync.");

    public void Refresh(string key) => throw new NotSupportedException("Use RefreshAsync.");

    public void Remove(string key) => throw new NotSupportedException("Use RemoveAsync.");

    private static Expiration Lifetime(DistributedCacheEntryOptions options) =>
        options.AbsoluteExpirationRelativeToNow is { } relative ? new Expiration(relative)
        : options.AbsoluteExpiration is { } absolute ? new Expiration(absolute.UtcDateTime)
        : Expiration.Default;
}
