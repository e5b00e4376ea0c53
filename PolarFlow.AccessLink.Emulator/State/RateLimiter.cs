namespace PolarFlow.AccessLink.Emulator.State;

/// <summary>
/// Polar's per-client limits over all users: 15 minutes, 500 + 20·N requests; 24 hours, 5000 + 100·N (N =
/// registered users). Windows run on the emulator's clock so tests can move past a reset.
/// </summary>
public sealed class RateLimiter(EmulatorState state)
{
    private static readonly TimeSpan Short = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Long = TimeSpan.FromHours(24);
    private readonly Lock _lock = new();
    private DateTimeOffset _shortStart = DateTimeOffset.MinValue, _longStart = DateTimeOffset.MinValue;
    private int _shortUsed, _longUsed;

    public sealed record Snapshot(int ShortUsage, int LongUsage, int ShortLimit, int LongLimit, int ShortReset, int LongReset, bool Exceeded);

    /// <summary>Counts one request (unless a window is spent) and returns the state to report in the headers.</summary>
    public Snapshot Count()
    {
        var o = state.Options;
        var users = state.RegisteredUsers;
        var shortLimit = o.ShortWindowBaseLimit + o.ShortWindowPerUser * users;
        var longLimit = o.LongWindowBaseLimit + o.LongWindowPerUser * users;
        lock (_lock)
        {
            var now = state.Clock.UtcNow;
            if (now - _shortStart >= Short) (_shortStart, _shortUsed) = (now, 0);
            if (now - _longStart >= Long) (_longStart, _longUsed) = (now, 0);
            var exceeded = _shortUsed >= shortLimit || _longUsed >= longLimit;
            if (!exceeded)
            {
                _shortUsed++;
                _longUsed++;
            }
            return new Snapshot(_shortUsed, _longUsed, shortLimit, longLimit,
                (int)Math.Ceiling((_shortStart + Short - now).TotalSeconds), (int)Math.Ceiling((_longStart + Long - now).TotalSeconds), exceeded);
        }
    }

    public void Reset()
    {
        lock (_lock) (_shortStart, _longStart, _shortUsed, _longUsed) = (DateTimeOffset.MinValue, DateTimeOffset.MinValue, 0, 0);
    }
}
