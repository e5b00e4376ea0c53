using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;

namespace PolarFlow.ApiService.Keys;

/// <summary>
/// When each key was last used, without a database write per request: uses are noted in memory and written in one
/// statement per key every `PolarFlow:Keys:LastUsedFlushSeconds` (default 60) and at shutdown, so the stored time
/// is at most that old. A later write never moves the time back (replicas flush in any order).
/// </summary>
public sealed class KeyUsage(TimeProvider time)
{
    private ConcurrentDictionary<string, DateTimeOffset> _pending = new();

    public void Touch(string keyId) => _pending[keyId] = time.GetUtcNow();

    /// <summary>The newest use not written yet, if any (so a list is current on the replica that served the use).</summary>
    public DateTimeOffset? Pending(string keyId) => _pending.TryGetValue(keyId, out var at) ? at : null;

    public async Task<int> FlushAsync(PolarFlowDbContext db, CancellationToken ct)
    {
        var taken = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<string, DateTimeOffset>());
        var written = 0;
        foreach (var (keyId, at) in taken)
        {
            try
            {
                written += await db.ApiKeys.Where(k => k.KeyId == keyId && (k.LastUsedAt == null || k.LastUsedAt < at))
                    .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, at), ct);
            }
            catch (Exception) when (!ct.IsCancellationRequested)
            {
                _pending.AddOrUpdate(keyId, at, (_, newer) => newer > at ? newer : at); // the database is away: next time
                throw;
            }
        }
        return written;
    }
}
