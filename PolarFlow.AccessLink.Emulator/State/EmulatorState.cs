using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using PolarFlow.AccessLink.Emulator.Synthetic;

namespace PolarFlow.AccessLink.Emulator.State;

/// <summary>Everything the emulator holds in memory: athletes and their tokens, OAuth codes, the webhook.</summary>
public sealed class EmulatorState(IOptions<EmulatorOptions> options, EmulatorClock clock)
{
    private readonly ConcurrentDictionary<long, EmulatorUser> _users = new();
    private readonly ConcurrentDictionary<string, (long UserId, string? RedirectUri, DateTimeOffset Expires)> _codes = new();
    private long _nextUserId = 40000100;
    private long _nextTransactionId = 271055255;

    public EmulatorOptions Options => options.Value;
    public EmulatorClock Clock => clock;
    public Webhook? Webhook { get; set; }

    public int RegisteredUsers => _users.Values.Count(u => u.Registered);

    public IEnumerable<EmulatorUser> Users => _users.Values;

    /// <summary>A new athlete with a token, as after a completed authorization (not yet registered).</summary>
    public EmulatorUser CreateUser(long? polarUserId = null, string? accessToken = null)
    {
        var id = polarUserId ?? Interlocked.Increment(ref _nextUserId);
        var firstDay = DateOnly.FromDateTime(clock.UtcNow.UtcDateTime).AddDays(-Options.HistoryDays);
        return _users.GetOrAdd(id, _ => new EmulatorUser(new SyntheticAthlete(id, Options.Seed, firstDay, Options.HistoryDays), accessToken ?? NewSecret()));
    }

    public EmulatorUser? FindUser(long polarUserId) => _users.GetValueOrDefault(polarUserId);

    public EmulatorUser? FindByToken(string token) =>
        _users.Values.FirstOrDefault(u => !u.TokenRevoked && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(u.AccessToken), System.Text.Encoding.UTF8.GetBytes(token)));

    public string IssueCode(long userId, string? redirectUri)
    {
        var code = NewSecret()[..20];
        _codes[code] = (userId, redirectUri, clock.UtcNow.AddMinutes(10));
        return code;
    }

    /// <summary>Codes are single-use and live 10 minutes; the redirect URI must match the one authorized.</summary>
    public EmulatorUser? RedeemCode(string code, string? redirectUri) =>
        _codes.TryRemove(code, out var entry) && entry.Expires > clock.UtcNow && entry.RedirectUri == redirectUri
            ? FindUser(entry.UserId)
            : null;

    public long NextTransactionId() => Interlocked.Increment(ref _nextTransactionId);

    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
}

public sealed class Webhook
{
    public required string Id { get; init; }
    public required string Url { get; set; }
    public required List<string> Events { get; set; }
    public required string SignatureSecretKey { get; init; }
    public bool Active { get; set; } = true;
}
