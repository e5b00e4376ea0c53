using PolarFlow.Data;
using PolarFlow.Data.Sync;

namespace PolarFlow.SyncWorker.Steps;

/// <summary>Cardio load: 180 days on the first sync, the lookback window after.</summary>
public sealed class CardioLoadStep : SyncStep
{
    private const int HistoryDays = 180;

    public override string DataType => SyncDataTypes.CardioLoad;

    public override Cadence Cadence { get; } = new Cadence.Every(TimeSpan.FromDays(1));

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var days = c.FirstSync
            ? await c.Client.ListCardioLoadForDaysAsync(c.AccessToken, HistoryDays, ct)
            : await c.Client.ListCardioLoadAsync(c.AccessToken, c.IncrementalFrom(HistoryDays), c.Today, ct);
        var rows = days.Select(d => PolarMapping.CardioLoad(c.UserId, d)).ToList();
        return new PendingWrite(rows.Count, rows.Count == 0 ? null : rows.Max(r => r.Date), (db, t) => db.UpsertAsync(rows, t));
    }
}
