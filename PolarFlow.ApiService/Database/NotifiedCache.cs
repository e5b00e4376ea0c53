using System.Collections.Concurrent;

namespace PolarFlow.ApiService.Database;

/// <summary>
/// Rows the API reads on every request (a user's data version, an API key), kept in memory while the
/// <see cref="ChangeFeed"/> is live and dropped the moment PostgreSQL says they changed. A value read while a change
/// arrived is used once and not kept, so nothing older than the last notification is ever served from memory.
/// Only found rows are kept (a missing one is read each time, so a new row needs no notification). The replica that
/// makes a change forgets it itself as well (<see cref="Forget(string)"/>), so there it takes effect before the
/// response, not a notification later.
/// </summary>
public sealed class NotifiedCache<T> where T : class
{
    private const int MaxEntries = 100_000;

    private readonly ChangeFeed _feed;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, T> _entries = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _forgotten; // moves with every forgetting, under the gate

    /// <param name="kind">The payload's prefix this cache listens for (`user`, `key`).</param>
    public NotifiedCache(ChangeFeed feed, string kind)
    {
        _feed = feed;
        _prefix = kind + ":";
        feed.Changed += Hear;
    }

    public async ValueTask<T?> GetAsync(string id, Func<Task<T?>> load)
    {
        if (_feed.IsLive && _entries.TryGetValue(id, out var hit)) return hit;
        var live = _feed.IsLive;
        long forgotten;
        lock (_gate) forgotten = _forgotten;
        var value = await load();
        if (value is null || !live || _entries.Count >= MaxEntries) return value;
        lock (_gate)
        {
            // Kept only if nothing was forgotten while it was read (a change may have committed meanwhile).
            if (_forgotten == forgotten && _feed.IsLive) _entries[id] = value;
        }
        return value;
    }

    /// <summary>This replica changed the row: forgotten now (every other replica forgets it when notified).</summary>
    public void Forget(string id)
    {
        lock (_gate)
        {
            _forgotten++;
            _entries.TryRemove(id, out _);
        }
    }

    /// <summary>As <see cref="Forget(string)"/>, for every kept row that matches (a deleted user's keys).</summary>
    public void ForgetWhere(Func<T, bool> match)
    {
        lock (_gate)
        {
            _forgotten++;
            foreach (var (id, value) in _entries) if (match(value)) _entries.TryRemove(id, out _);
        }
    }

    private void Hear(string? payload)
    {
        lock (_gate)
        {
            _forgotten++; // any change heard: a value being read now may be older than it
            if (payload is null) _entries.Clear();
            else if (payload.StartsWith(_prefix, StringComparison.Ordinal))
            {
                _entries.TryRemove(payload[_prefix.Length..], out _);
            }
        }
    }
}
