using System.Security.Cryptography;
using System.Text.Json;
using PolarFlow.ApiService.Common;
using PolarFlow.ApiService.Redis;

namespace PolarFlow.ApiService.Connect;

/// <summary>
/// The OAuth `state` of a connect flow: random, single-use, 10 minutes, kept in Redis so any ApiService replica
/// can finish a flow another started. Without Redis no flow can start or finish: 503, try again shortly.
/// </summary>
public sealed class ConnectState(RedisGuard redis)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public sealed record Pending(string? UserId, string? ReturnUrl);

    public async Task<string> IssueAsync(Pending pending)
    {
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var json = JsonSerializer.Serialize(pending);
        var (ok, _) = await redis.TryEssentialAsync("oauth state", db => db.StringSetAsync(Key(state), json, Lifetime));
        return ok ? state : throw Unavailable();
    }

    /// <summary>Takes the state (GETDEL: a second use finds nothing).</summary>
    public async Task<Pending?> RedeemAsync(string state)
    {
        var (ok, value) = await redis.TryEssentialAsync("oauth state", db => db.StringGetDeleteAsync(Key(state)));
        if (!ok) throw Unavailable();
        return value.HasValue ? JsonSerializer.Deserialize<Pending>(value.ToString()) : null;
    }

    private static ServiceUnavailableException Unavailable() =>
        new("Connecting to Polar is unavailable", "The connect flow keeps its state in Redis, which is not answering. Try again in a minute.");

    private static string Key(string state) => "polarflow:oauth-state:" + state;
}
