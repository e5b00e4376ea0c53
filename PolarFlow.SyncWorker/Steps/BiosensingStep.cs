using PolarFlow.Data;
using PolarFlow.Data.Sync;

namespace PolarFlow.SyncWorker.Steps;

/// <summary>
/// What the sensors measure each night: body and skin temperature and skin contacts, Polar's 28-day window each (204
/// for devices without the sensor). A SLEEP webhook event brings them with the night.
/// </summary>
public sealed class BiosensingStep : SyncStep
{
    public override string DataType => SyncDataTypes.Biosensing;

    public override Cadence Cadence { get; } = new Cadence.Every(TimeSpan.FromDays(1));

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var body = (await c.Client.ListBodyTemperatureAsync(c.AccessToken, ct: ct))
            .Select(b => PolarMapping.BodyTemperature(c.UserId, b)).OfType<Data.Entities.BodyTemperaturePeriod>().ToList();
        var skin = (await c.Client.ListSkinTemperatureAsync(c.AccessToken, ct: ct))
            .Select(s => PolarMapping.SkinTemperature(c.UserId, s)).ToList();
        var contacts = (await c.Client.ListSkinContactsAsync(c.AccessToken, ct: ct))
            .Select(s => PolarMapping.SkinContacts(c.UserId, s)).OfType<Data.Entities.SkinContactPeriod>().ToList();
        return new PendingWrite(body.Count + skin.Count + contacts.Count, skin.Count == 0 ? null : skin.Max(s => s.SleepDate),
            async (db, t) => await db.UpsertAsync(body, t) + await db.UpsertAsync(skin, t) + await db.UpsertAsync(contacts, t));
    }
}
