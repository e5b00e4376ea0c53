using System.Threading.RateLimiting;

namespace PolarFlow.ApiService.RateLimits;

/// <summary>
/// One key's budget on this replica: a fixed window of a calendar minute whose permits are counted in Redis for all
/// replicas together, leased here in batches so most requests cost no round trip. A batch is an eighth of what the
/// key has left (at most <see cref="RateLimitSettings.LeaseSize"/>), so batches shrink to one permit as the budget
/// ends and no replica sits on much that another could use. The window never grants more than the limit in total.
/// When Redis cannot count (down, hung, its circuit open), requests pass uncounted rather than refused.
/// </summary>
public sealed class KeyBudget(RateLimitSettings settings, SharedCount shared, TimeProvider time) : RateLimiter
{
    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _leasing = new(1, 1);
    private long _window = -1;
    private int _local;       // permits leased from the shared count and not yet used here
    private long _sharedUsed; // the shared count as Redis last told it (all replicas, this window)
    private bool _counting = true; // false since Redis last failed to count (requests pass uncounted)
    private long _failedAt;        // when Redis last failed to count (a timestamp of the time provider)

    /// <summary>Where this key stands, as the response headers say it; null while requests pass uncounted.</summary>
    public (int Limit, long Remaining, long ResetSeconds)? Standing()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow().ToUnixTimeSeconds();
            if (_window != now / 60 || !_counting) return null;
            return (settings.PermitsPerMinute, Math.Max(0, settings.PermitsPerMinute - _sharedUsed + _local),
                (_window + 1) * 60 - now);
        }
    }

    public override TimeSpan? IdleDuration => null; // kept while the key is: its leased permits stay usable

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate) return new RateLimiterStatistics { CurrentAvailablePermits = _local };
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_gate) return TakeLocal(permitCount) ?? Refused();
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (TakeLocal(permitCount) is { } lease) return lease;
        }
        var asked = time.GetTimestamp();
        await _leasing.WaitAsync(cancellationToken);
        try
        {
            long window;
            int batch;
            lock (_gate)
            {
                // Another request may have leased while this one waited.
                if (TakeLocal(permitCount) is { } lease) return lease;
                // Redis failed for the request ahead of this one: pass, rather than each waiter paying the timeout.
                if (!_counting && _failedAt > asked) return Granted.Lease;
                window = _window;
                batch = (int)Math.Clamp((settings.PermitsPerMinute - _sharedUsed) / 8, permitCount, settings.LeaseSize);
            }
            var used = await shared.AddAsync(window, batch);
            lock (_gate)
            {
                if (used is not { } total)
                {
                    (_counting, _failedAt) = (false, time.GetTimestamp());
                    return Granted.Lease;
                }
                _counting = true;
                if (_window != window) return TakeLocal(permitCount) ?? Refused();
                _sharedUsed = Math.Max(_sharedUsed, total);
                // What the limit still held before this batch was counted is this replica's.
                _local += (int)Math.Clamp(settings.PermitsPerMinute - (total - batch), 0, batch);
                return TakeLocal(permitCount) ?? Refused();
            }
        }
        finally
        {
            _leasing.Release();
        }
    }

    /// <summary>Under the lock: a lease from this replica's permits, a refusal once the window is spent, or null.</summary>
    private RateLimitLease? TakeLocal(int permitCount)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        if (_window != now / 60)
        {
            (_window, _local, _sharedUsed) = (now / 60, 0, 0);
        }
        if (_local >= permitCount)
        {
            _local -= permitCount;
            return Granted.Lease;
        }
        return _sharedUsed >= settings.PermitsPerMinute ? Refused() : null;
    }

    private RateLimitLease Refused()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        return new Denied(TimeSpan.FromSeconds((now / 60 + 1) * 60 - now));
    }

    private sealed class Granted : RateLimitLease
    {
        public static readonly Granted Lease = new();
        public override bool IsAcquired => true;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }

    private sealed class Denied(TimeSpan retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => false;
        public override IEnumerable<string> MetadataNames => [MetadataName.RetryAfter.Name];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
