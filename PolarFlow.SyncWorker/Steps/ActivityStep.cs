using PolarFlow.Data;
using PolarFlow.Data.Sync;

namespace PolarFlow.SyncWorker.Steps;

/// <summary>
/// Daily activity and its samples from the same calls (`steps`, `activity_zones`, `inactivity_stamps`): the
/// first sync reaches back 364 days in 28-day requests; later syncs re-read from a few days before the newest.
/// </summary>
public sealed class ActivityStep : SyncStep
{
    private const int MaxDaysPerRequest = 28;
    // Polar allows 365 days back from the user's own date; we count from UTC, so one day less is never refused.
    private const int HistoryDays = 364;

    public override string DataType => SyncDataTypes.Activity;

    public override Cadence Cadence { get; } = Cadence.EveryRun;

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var from = c.FirstSync ? c.Today.AddDays(-HistoryDays) : c.IncrementalFrom(HistoryDays);
        var days = new List<(Data.Entities.DailyActivity Summary, Data.Entities.ActivitySamples? Samples)>();
        for (var start = from; start <= c.Today; start = start.AddDays(MaxDaysPerRequest))
        {
            var end = start.AddDays(MaxDaysPerRequest - 1) < c.Today ? start.AddDays(MaxDaysPerRequest - 1) : c.Today;
            foreach (var day in await c.Client.ListActivitiesAsync(c.AccessToken, start, end, steps: true, activityZones: true, inactivityStamps: true, ct))
            {
                if (PolarMapping.ActivityDate(day) is not { } date) continue;
                var samples = day.Samples is not null && day.Raw.TryGetProperty("samples", out var raw) ? PolarMapping.ActivitySamples(c.UserId, date, raw, day.Samples) : null;
                days.Add((PolarMapping.Activity(c.UserId, date, day), samples));
            }
        }
        return new PendingWrite(days.Count, days.Count == 0 ? null : days.Max(d => d.Summary.Date), async (db, t) =>
            await db.UpsertAsync(days.Select(d => d.Summary), t) + await db.UpsertAsync(days.Where(d => d.Samples is not null).Select(d => d.Samples!), t));
    }
}
