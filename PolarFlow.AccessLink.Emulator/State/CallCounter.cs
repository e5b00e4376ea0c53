using System.Collections.Concurrent;

namespace PolarFlow.AccessLink.Emulator.State;

/// <summary>
/// Not Polar's: how many AccessLink calls each user made, by route (`GET /v3/exercises/{exerciseId}/fit`), so tests
/// and benchmarks can prove what a sync asked for. Calls without a known user count under user 0.
/// </summary>
public sealed class CallCounter
{
    private readonly ConcurrentDictionary<(long User, string Route), int> _calls = new();

    public void Count(long polarUserId, string route) => _calls.AddOrUpdate((polarUserId, route), 1, (_, n) => n + 1);

    /// <summary>One user's calls by route, or every user's summed when <paramref name="polarUserId"/> is null.</summary>
    public SortedDictionary<string, int> Of(long? polarUserId) =>
        new(_calls.Where(c => polarUserId is null || c.Key.User == polarUserId).GroupBy(c => c.Key.Route)
            .ToDictionary(g => g.Key, g => g.Sum(c => c.Value)), StringComparer.Ordinal);

    public void Reset() => _calls.Clear();
}
