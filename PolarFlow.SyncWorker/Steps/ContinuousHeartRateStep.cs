using PolarFlow.Data;
using PolarFlow.Data.Sync;

namespace PolarFlow.SyncWorker.Steps;

/// <summary>Continuous heart rate through the range call (at most 28 days a request), not one call per day.</summary>
public sealed class ContinuousHeartRateStep : SyncStep
{
    private const int WindowDays = 28;

    public override string DataType => SyncDataTypes.ContinuousHeartRate;

    public override Cadence Cadence { get; } = new Cadence.Every(TimeSpan.FromHours(3));

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var from = c.FirstSync ? c.Today.AddDays(-(WindowDays - 1)) : c.IncrementalFrom(WindowDays);
        var rows = (await c.Client.ListContinuousHeartRateAsync(c.AccessToken, from, c.Today, ct)).Select(d => PolarMapping.HeartRate(c.UserId, d)).ToList();
        return new PendingWrite(rows.Count, rows.Count == 0 ? null : rows.Max(r => r.Date), (db, t) => db.UpsertAsync(rows, t));
    }
}
