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
