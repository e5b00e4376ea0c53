using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;
using PolarFlow.Data.Sync;

namespace PolarFlow.SyncWorker.Steps;

public sealed class PhysicalInfoStep : SyncStep
{
    public override string DataType => SyncDataTypes.PhysicalInfo;

    public override Cadence Cadence { get; } = new Cadence.Every(TimeSpan.FromDays(1));

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var info = await c.Client.GetPhysicalInfoAsync(c.AccessToken, ct);
        var rows = info is not null && PolarMapping.PhysicalInfo(c.UserId, info) is { } row ? new[] { row } : [];
        return new PendingWrite(rows.Length, null, (db, t) => db.UpsertAsync(rows, t));
    }
}
