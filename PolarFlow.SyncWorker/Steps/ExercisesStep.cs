using Microsoft.EntityFrameworkCore;
using PolarFlow.Data;
using PolarFlow.Data.Sync;

namespace PolarFlow.SyncWorker.Steps;

/// <summary>
/// Exercises: the list says what exists; only exercises not stored yet are fetched in full (zones, samples,
/// route), once each. A session an import stored first becomes the AccessLink exercise (one record, both sources).
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
        var wanted = ids.Except(stored).ToList();
        string? lastError = null;
        var failures = 0;
        foreach (var id in wanted)
        {
            try
            {
                if (await c.Client.GetExerciseAsync(c.AccessToken, id, samples: true, zones: true, route: true, ct) is { } full) fresh.Add(full);
            }
            catch (AccessLink.AccessLinkException ex) when (ex.Kind is AccessLink.AccessLinkErrorKind.ServerError or AccessLink.AccessLinkErrorKind.MalformedResponse)
            {
                failures++;
                lastError = ex.Message; // keep the others; this one is fetched again on the retry (it is still not stored)
            }
        }

        var exercises = fresh.Select(e => PolarMapping.Exercise(c.UserId, e)).ToList();
        var samples = fresh.SelectMany(e => PolarMapping.ExerciseSamples(c.UserId, e)).ToList();
        var routes = fresh.Select(e => PolarMapping.Route(c.UserId, e)).OfType<Data.Entities.ExerciseRoute>().ToList();
        var newest = listed.Where(e => e.StartTime is not null).Select(e => DateOnly.FromDateTime(e.StartTime!.Value)).DefaultIfEmpty().Max();
        return new PendingWrite(listed.Count, newest == default ? null : newest, async (db, t) =>
        {
            var merged = await AdoptImportedAsync(db, c.UserId, exercises, t);
            return merged + await db.UpsertAsync(exercises, t) + await db.UpsertAsync(samples, t) + await db.UpsertAsync(routes, t);
        })
        {
            Missing = lastError is null ? null : $"{failures} of {wanted.Count} new exercises not fetched ({lastError})",
        };
    }

    /// <summary>
    /// An exercise an import stored before AccessLink listed it is the same session under the export's id: it gives
    /// way to Polar's id, handing over the export's JSON, so the session stays one record whichever came first.
    /// </summary>
    private static async Task<int> AdoptImportedAsync(PolarFlowDbContext db, string userId, List<Data.Entities.Exercise> exercises, CancellationToken ct)
    {
        var adopted = 0;
        foreach (var exercise in exercises.Where(e => e.StartTime is not null))
        {
            var imported = (await db.SameSessionAsync(userId, exercise.StartTime!.Value, exercise.StartTimeUtcOffsetMinutes ?? 0, exercise.Duration, ct))
                .Where(id => id.StartsWith(ExerciseMatch.ExportIdPrefix, StringComparison.Ordinal)).ToList();
            if (imported.Count == 0) continue;
            exercise.ExportRaw = await db.Exercises.Where(e => e.UserId == userId && e.ExerciseId == imported[0]).Select(e => e.ExportRaw).SingleAsync(ct);
            await db.ExerciseSamples.Where(s => s.UserId == userId && imported.Contains(s.ExerciseId)).ExecuteDeleteAsync(ct);
            adopted += await db.Exercises.Where(e => e.UserId == userId && imported.Contains(e.ExerciseId)).ExecuteDeleteAsync(ct);
        }
        return adopted;
    }
}
