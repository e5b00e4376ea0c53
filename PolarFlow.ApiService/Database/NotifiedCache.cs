using System.Collections.Concurrent;

namespace PolarFlow.ApiService.Database;

/// <summary>
/// Rows the API reads on every request (a user's data version, an API key), kept in memory while the
/// <see cref="ChangeFeed"/> is live and dropped the moment PostgreSQL says they changed. A value read while a change
/// arrived is used once and not kept, so nothing older than the last notification is ever served from memory.
/// Only found rows are kept (a missing one is read each time, so a new row needs no notification).
/// </summary>
public sealed class NotifiedCache<T> where T : class
{
    private const int MaxEntries = 100_000;

    private readonly ChangeFeed _feed;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, T> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <param name="kind">The payload's prefix this cache listens for (`user`, `key`).</param>
    public NotifiedCache(ChangeFeed feed, string kind)
    {
        _feed = feed;
        _prefix = kind + ":";
        feed.Changed += Forget;
    }

    public async ValueTask<T?> GetAsync(string id, Func<Task<T?>> load)
    {
        if (_feed.IsLive && _entries.TryGetValue(id, out var hit)) return hit;
        var epoch = _feed.Epoch;
        var live = _feed.IsLive;
        var value = await load();
        if (value is null || !live || _entries.Count >= MaxEntries) return value;
        lock (_gate)
        {
            // Kept only if no change (of any row) was heard while it was read: Forget runs under the same lock.
            if (_feed.Epoch == epoch && _feed.IsLive) _entries[id] = value;
        }
        return value;
    }

    private void Forget(string? payload)
    {
        lock (_gate)
        {
            if (payload is null) _entries.Clear();
            else if (payload.StartsWith(_prefix, StringComparison.Ordinal)) _entries.TryRemove(payload[_prefix.Length..], out _);
        }
    }
}
