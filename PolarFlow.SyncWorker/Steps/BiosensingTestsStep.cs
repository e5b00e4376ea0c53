using PolarFlow.Data;
using PolarFlow.Data.Sync;

namespace PolarFlow.SyncWorker.Steps;

/// <summary>
/// ECG and SpO2: tests a person starts by hand, now and then (no webhook announces them). A scheduled sync reads them
/// every <see cref="Interval"/>, well inside Polar's 28-day window; a manual sync reads them at once.
/// </summary>
public sealed class BiosensingTestsStep : SyncStep
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(3);

    public override string DataType => SyncDataTypes.BiosensingTests;

    public override Cadence Cadence { get; } = new Cadence.Every(Interval);

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var ecg = (await c.Client.ListEcgAsync(c.AccessToken, ct: ct)).Select(e => PolarMapping.Ecg(c.UserId, e)).ToList();
        var spo2 = (await c.Client.ListSpo2Async(c.AccessToken, ct: ct)).Select(s => PolarMapping.Spo2(c.UserId, s)).ToList();
        return new PendingWrite(ecg.Count + spo2.Count, null,
            async (db, t) => await db.UpsertAsync(ecg, t) + await db.UpsertAsync(spo2, t));
    }
}
