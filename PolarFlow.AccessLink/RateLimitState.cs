using System.Net.Http.Headers;

namespace PolarFlow.AccessLink;

/// <summary>
/// Polar's `RateLimit-Usage`, `RateLimit-Limit` and `RateLimit-Reset` headers: each a pair "short, long" for the
/// 15-minute and 24-hour windows, per client across all users.
/// </summary>
public sealed record RateLimitState(int ShortUsage, int LongUsage, int ShortLimit, int LongLimit, TimeSpan ShortReset, TimeSpan LongReset)
{
    public bool ShortWindowSpent => ShortUsage >= ShortLimit;
    public bool LongWindowSpent => LongUsage >= LongLimit;

    /// <summary>How long to stop calling: until the spent window(s) reset.</summary>
    public TimeSpan WaitUntilReset => LongWindowSpent ? LongReset : ShortReset;

    public static RateLimitState? FromHeaders(HttpResponseHeaders headers) =>
        Pair(headers, "RateLimit-Usage") is { } usage && Pair(headers, "RateLimit-Limit") is { } limit && Pair(headers, "RateLimit-Reset") is { } reset
            ? new RateLimitState(usage.Short, usage.Long, limit.Short, limit.Long, TimeSpan.FromSeconds(reset.Short), TimeSpan.FromSeconds(reset.Long))
            : null;

    private static (int Short, int Long)? Pair(HttpResponseHeaders headers, string name)
    {
        if (!headers.TryGetValues(name, out var values)) return null;
        var parts = string.Join(',', values).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && int.TryParse(parts[0], out var s) && int.TryParse(parts[1], out var l) ? (s, l) : null;
    }
}

/// <summary>Told of every response's rate-limit state (e.g. to keep a budget all replicas share).</summary>
public interface IRateLimitObserver
{
    void Observe(RateLimitState state);
}
