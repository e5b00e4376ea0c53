using PolarFlow.AccessLink;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.SyncWorker.Steps;

/// <summary>
/// What a step needs: the user's token, the client, the user's cursor for this type, "today", and what started the job
/// (a webhook job reads what its events announced).
/// </summary>
public sealed record SyncContext(string UserId, string AccessToken, AccessLinkClient Client, PolarFlowDbContext Db, SyncCursor Cursor,
    DateOnly Today, SyncOptions Options, SyncJobTrigger Trigger)
{
    public bool FirstSync => Cursor.BackfillCompletedAt is null;

    /// <summary>The incremental window's first day: a few days before the newest held, within the lookback.</summary>
    public DateOnly IncrementalFrom(int maxDays)
    {
        var lookback = Today.AddDays(-Math.Min(Options.DaysLookback, maxDays - 1));
        var overlap = Cursor.NewestDate?.AddDays(-Options.OverlapDays) ?? lookback;
        return overlap > lookback ? overlap : lookback;
    }
}

/// <summary>
/// One Polar data type. A step fetches first, then writes in one short transaction (run by the job runner), so a
/// failure leaves nothing half-written. A step that fetches item by item keeps the items it got when some fail
/// (<see cref="PendingWrite.Missing"/>): those are written, and the rest are fetched again on the retry.
/// </summary>
public abstract class SyncStep
{
    public abstract string DataType { get; }

    /// <summary>How often a scheduled sync reads this type (<see cref="Steps.Cadence"/>).</summary>
    public abstract Cadence Cadence { get; }

    /// <summary>Calls Polar and returns the writes to make; <see cref="PendingWrite"/> runs them inside the transaction.</summary>
    public abstract Task<PendingWrite> FetchAsync(SyncContext context, CancellationToken ct);
}

public sealed record PendingWrite(int Fetched, DateOnly? NewestDate, Func<PolarFlowDbContext, CancellationToken, Task<int>> Write)
{
    /// <summary>What could not be fetched this time (kept for the retry), or null when nothing is missing.</summary>
    public string? Missing { get; init; }

    /// <summary>Work left for a later sync on purpose (not a failure), or null.</summary>
    public string? Deferred { get; init; }

    /// <summary>
    /// True when the step read only some of the type (what a webhook announced), not all Polar holds: it does not count
    /// as the type's read for the schedule, so the safety net still lists the type when it is due.
    /// </summary>
    public bool Partial { get; init; }
}
