using PolarFlow.Data;
using PolarFlow.Data.Sync;

namespace PolarFlow.SyncWorker.Steps;

public sealed class NightlyRechargeStep : SyncStep
{
    public override string DataType => SyncDataTypes.NightlyRecharge;

    public override Cadence Cadence { get; } = new Cadence.AfterTheNight();

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var rows = (await c.Client.ListNightlyRechargeAsync(c.AccessToken, ct)).Select(r => PolarMapping.Recharge(c.UserId, r)).ToList();
        return new PendingWrite(rows.Count, rows.Count == 0 ? null : rows.Max(r => r.Date), (db, t) => db.UpsertAsync(rows, t));
    }
}
