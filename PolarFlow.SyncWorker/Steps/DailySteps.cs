using PolarFlow.Data;
using PolarFlow.Data.Sync;

namespace PolarFlow.SyncWorker.Steps;

/// <summary>Sleep: one call returns Polar's whole 28-night window, first sync or not.</summary>
public sealed class SleepStep : SyncStep
{
    public override string DataType => SyncDataTypes.Sleep;

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var rows = (await c.Client.ListSleepAsync(c.AccessToken, ct)).Select(n => PolarMapping.Sleep(c.UserId, n)).ToList();
        return new PendingWrite(rows.Count, rows.Count == 0 ? null : rows.Max(r => r.Date), (db, t) => db.UpsertAsync(rows, t));
    }
}

public sealed class NightlyRechargeStep : SyncStep
{
    public override string DataType => SyncDataTypes.NightlyRecharge;

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var rows = (await c.Client.ListNightlyRechargeAsync(c.AccessToken, ct)).Select(r => PolarMapping.Recharge(c.UserId, r)).ToList();
        return new PendingWrite(rows.Count, rows.Count == 0 ? null : rows.Max(r => r.Date), (db, t) => db.UpsertAsync(rows, t));
    }
}

/// <summary>
/// Daily activity and its samples from the same calls (`steps`, `activity_zones`, `inactivity_stamps`): the
/// first sync reaches back 365 days in 28-day requests; later syncs re-read from a few days before the newest.
/// </summary>
public sealed class ActivityStep : SyncStep
{
    private const int MaxDaysPerRequest = 28;
    // Polar allows 365 days back from the user's own date; we count from UTC, so one day less is never refused.
    private const int HistoryDays = 364;

    public override string DataType => SyncDataTypes.Activity;

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

/// <summary>Continuous heart rate through the range call (at most 28 days a request), not one call per day.</summary>
public sealed class ContinuousHeartRateStep : SyncStep
{
    private const int WindowDays = 28;

    public override string DataType => SyncDataTypes.ContinuousHeartRate;

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var from = c.FirstSync ? c.Today.AddDays(-(WindowDays - 1)) : c.IncrementalFrom(WindowDays);
        var rows = (await c.Client.ListContinuousHeartRateAsync(c.AccessToken, from, c.Today, ct)).Select(d => PolarMapping.HeartRate(c.UserId, d)).ToList();
        return new PendingWrite(rows.Count, rows.Count == 0 ? null : rows.Max(r => r.Date), (db, t) => db.UpsertAsync(rows, t));
    }
}

/// <summary>Cardio load: 180 days on the first sync, the lookback window after.</summary>
public sealed class CardioLoadStep : SyncStep
{
    private const int HistoryDays = 180;

    public override string DataType => SyncDataTypes.CardioLoad;

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var days = c.FirstSync
            ? await c.Client.ListCardioLoadForDaysAsync(c.AccessToken, HistoryDays, ct)
            : await c.Client.ListCardioLoadAsync(c.AccessToken, c.IncrementalFrom(HistoryDays), c.Today, ct);
        var rows = days.Select(d => PolarMapping.CardioLoad(c.UserId, d)).ToList();
        return new PendingWrite(rows.Count, rows.Count == 0 ? null : rows.Max(r => r.Date), (db, t) => db.UpsertAsync(rows, t));
    }
}
