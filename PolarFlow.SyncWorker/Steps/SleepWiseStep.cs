using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;
using PolarFlow.Data.Sync;

namespace PolarFlow.SyncWorker.Steps;

public sealed class SleepWiseStep : SyncStep
{
    public override string DataType => SyncDataTypes.SleepWise;

    public override Cadence Cadence { get; } = new Cadence.Every(TimeSpan.FromHours(6));

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var alertness = (await c.Client.ListAlertnessAsync(c.AccessToken, ct: ct)).Select(a => PolarMapping.Alertness(c.UserId, a)).OfType<Data.Entities.SleepWiseAlertness>().ToList();
        var bedtime = (await c.Client.ListCircadianBedtimeAsync(c.AccessToken, ct: ct)).Select(b => PolarMapping.Bedtime(c.UserId, b)).OfType<Data.Entities.SleepWiseBedtime>().ToList();
        return new PendingWrite(alertness.Count + bedtime.Count, null, async (db, t) => await db.UpsertAsync(alertness, t) + await db.UpsertAsync(bedtime, t));
    }
}
