using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;
using PolarFlow.Data.Sync;

namespace PolarFlow.SyncWorker.Steps;

/// <summary>
/// Exercises: the list says what exists; only exercises not stored yet are fetched in full (zones, samples,
/// route), once each.
/// </summary>
public sealed class ExercisesStep : SyncStep
{
    public override string DataType => SyncDataTypes.Exercises;

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var listed = await c.Client.ListExercisesAsync(c.AccessToken, ct: ct);
        var ids = listed.Select(e => e.Id).ToList();
        var stored = await c.Db.Exercises.AsNoTracking().Where(e => e.UserId == c.UserId && ids.Contains(e.ExerciseId)).Select(e => e.ExerciseId).ToListAsync(ct);
        var fresh = new List<AccessLink.Models.Exercise>();
        foreach (var id in ids.Except(stored))
        {
            if (await c.Client.GetExerciseAsync(c.AccessToken, id, samples: true, zones: true, route: true, ct) is { } full) fresh.Add(full);
        }

        var exercises = fresh.Select(e => PolarMapping.Exercise(c.UserId, e)).ToList();
        var samples = fresh.SelectMany(e => PolarMapping.ExerciseSamples(c.UserId, e)).ToList();
        var routes = fresh.Select(e => PolarMapping.Route(c.UserId, e)).OfType<Data.Entities.ExerciseRoute>().ToList();
        var newest = listed.Where(e => e.StartTime is not null).Select(e => DateOnly.FromDateTime(e.StartTime!.Value)).DefaultIfEmpty().Max();
        return new PendingWrite(listed.Count, newest == default ? null : newest, async (db, t) =>
            await db.UpsertAsync(exercises, t) + await db.UpsertAsync(samples, t) + await db.UpsertAsync(routes, t));
    }
}

public sealed class SleepWiseStep : SyncStep
{
    public override string DataType => SyncDataTypes.SleepWise;

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var alertness = (await c.Client.ListAlertnessAsync(c.AccessToken, ct: ct)).Select(a => PolarMapping.Alertness(c.UserId, a)).OfType<Data.Entities.SleepWiseAlertness>().ToList();
        var bedtime = (await c.Client.ListCircadianBedtimeAsync(c.AccessToken, ct: ct)).Select(b => PolarMapping.Bedtime(c.UserId, b)).OfType<Data.Entities.SleepWiseBedtime>().ToList();
        return new PendingWrite(alertness.Count + bedtime.Count, null, async (db, t) => await db.UpsertAsync(alertness, t) + await db.UpsertAsync(bedtime, t));
    }
}

/// <summary>Body and skin temperature, skin contacts, ECG and SpO2: Polar's 28-day window each (204 for devices without the sensor).</summary>
public sealed class BiosensingStep : SyncStep
{
    public override string DataType => SyncDataTypes.Biosensing;

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var body = (await c.Client.ListBodyTemperatureAsync(c.AccessToken, ct: ct)).Select(b => PolarMapping.BodyTemperature(c.UserId, b)).OfType<Data.Entities.BodyTemperaturePeriod>().ToList();
        var skin = (await c.Client.ListSkinTemperatureAsync(c.AccessToken, ct: ct)).Select(s => PolarMapping.SkinTemperature(c.UserId, s)).ToList();
        var contacts = (await c.Client.ListSkinContactsAsync(c.AccessToken, ct: ct)).Select(s => PolarMapping.SkinContacts(c.UserId, s)).OfType<Data.Entities.SkinContactPeriod>().ToList();
        var ecg = (await c.Client.ListEcgAsync(c.AccessToken, ct: ct)).Select(e => PolarMapping.Ecg(c.UserId, e)).ToList();
        var spo2 = (await c.Client.ListSpo2Async(c.AccessToken, ct: ct)).Select(s => PolarMapping.Spo2(c.UserId, s)).ToList();
        return new PendingWrite(body.Count + skin.Count + contacts.Count + ecg.Count + spo2.Count, skin.Count == 0 ? null : skin.Max(s => s.SleepDate), async (db, t) =>
            await db.UpsertAsync(body, t) + await db.UpsertAsync(skin, t) + await db.UpsertAsync(contacts, t) + await db.UpsertAsync(ecg, t) + await db.UpsertAsync(spo2, t));
    }
}

public sealed class PhysicalInfoStep : SyncStep
{
    public override string DataType => SyncDataTypes.PhysicalInfo;

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var info = await c.Client.GetPhysicalInfoAsync(c.AccessToken, ct);
        var rows = info is not null && PolarMapping.PhysicalInfo(c.UserId, info) is { } row ? new[] { row } : [];
        return new PendingWrite(rows.Length, null, (db, t) => db.UpsertAsync(rows, t));
    }
}
