using System.Globalization;
using PolarFlow.AccessLink;
using StackExchange.Redis;

namespace PolarFlow.SyncWorker.Budget;

/// <summary>
/// Polar's rate limit is per client across all users and all replicas, so its state lives in Redis: the last
/// `RateLimit-*` headers any replica saw, and a "blocked until" set on 429. Scheduled work waits before
/// dipping into the reserve kept for manual and webhook jobs; nothing calls Polar while blocked.
/// </summary>
public sealed class RedisRateBudget(IConnectionMultiplexer redis, TimeProvider time, SyncTelemetry telemetry, Microsoft.Extensions.Options.IOptions<SyncOptions> options) : IRateLimitObserver
{
    private string Key => options.Value.RateBudgetKey;

    public void Observe(RateLimitState state)
    {
        var now = time.GetUtcNow();
        telemetry.BudgetRemaining(Math.Min(state.ShortLimit - state.ShortUsage, state.LongLimit - state.LongUsage));
        var fields = new List<HashEntry>
        {
            new("short_usage", state.ShortUsage), new("short_limit", state.ShortLimit), new("short_reset_at", (now + state.ShortReset).ToUnixTimeSeconds()),
            new("long_usage", state.LongUsage), new("long_limit", state.LongLimit), new("long_reset_at", (now + state.LongReset).ToUnixTimeSeconds()),
        };
        if (state.ShortWindowSpent || state.LongWindowSpent)
        {
            fields.Add(new("blocked_until", (now + state.WaitUntilReset).ToUnixTimeSeconds()));
        }
        redis.GetDatabase().HashSet(Key, [.. fields], CommandFlags.FireAndForget);
    }

    /// <summary>After a 429 (headers or not): nobody calls Polar again before the reset.</summary>
    public Task BlockAsync(TimeSpan wait) =>
        redis.GetDatabase().HashSetAsync(Key, "blocked_until", (time.GetUtcNow() + wait).ToUnixTimeSeconds());

    /// <summary>How long a job of this priority must wait before calling Polar; null when it may go now.</summary>
    public async Task<TimeSpan?> WaitNeededAsync(bool scheduled, double reserve)
    {
        var values = (await redis.GetDatabase().HashGetAllAsync(Key)).ToDictionary(e => e.Name.ToString(), e => (long)e.Value);
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (values.TryGetValue("blocked_until", out var blocked) && blocked > now)
        {
            return TimeSpan.FromSeconds(blocked - now);
        }
        if (!scheduled || !values.ContainsKey("short_limit"))
        {
            return null;
        }
        foreach (var window in new[] { "short", "long" })
        {
            var resetAt = values[$"{window}_reset_at"];
            var left = values[$"{window}_limit"] - values[$"{window}_usage"];
            if (resetAt > now && left < values[$"{window}_limit"] * reserve)
            {
                return TimeSpan.FromSeconds(resetAt - now);
            }
        }
        return null;
    }

    public static string Describe(TimeSpan wait) => wait.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture) + " s";
}
