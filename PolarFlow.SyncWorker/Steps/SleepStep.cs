using PolarFlow.Data;
using PolarFlow.Data.Sync;

namespace PolarFlow.SyncWorker.Steps;

/// <summary>Sleep: one call returns Polar's whole 28-night window, first sync or not.</summary>
public sealed class SleepStep : SyncStep
{
    public override string DataType => SyncDataTypes.Sleep;

    public override Cadence Cadence { get; } = new Cadence.AfterTheNight();

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var rows = (await c.Client.ListSleepAsync(c.AccessToken, ct)).Select(n => PolarMapping.Sleep(c.UserId, n)).ToList();
        return new PendingWrite(rows.Count, rows.Count == 0 ? null : rows.Max(r => r.Date), (db, t) => db.UpsertAsync(rows, t));
    }
}
