using System.Security.Cryptography;
using System.Text.Json;
using StackExchange.Redis;

namespace PolarFlow.ApiService.Connect;

/// <summary>
/// The OAuth `state` of a connect flow: random, single-use, 10 minutes, kept in Redis so any ApiService replica
/// can finish a flow another started.
/// </summary>
public sealed class ConnectState(IConnectionMultiplexer redis)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public sealed record Pending(string? UserId, string? ReturnUrl);

    public async Task<string> IssueAsync(Pending pending)
    {
        var state = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await redis.GetDatabase().StringSetAsync(Key(state), JsonSerializer.Serialize(pending), Lifetime);
        return state;
    }

    /// <summary>Takes the state (GETDEL: a second use finds nothing).</summary>
    public async Task<Pending?> RedeemAsync(string state)
    {
        var value = await redis.GetDatabase().StringGetDeleteAsync(Key(state));
        return value.HasValue ? JsonSerializer.Deserialize<Pending>(value.ToString()) : null;
    }

    private static string Key(string state) => "polarflow:oauth-state:" + state;
}
