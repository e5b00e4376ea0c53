using Microsoft.EntityFrameworkCore;
using PolarFlow.AccessLink;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Files;
using PolarFlow.Data.Sync;
using PolarFlow.SyncWorker.Budget;

namespace PolarFlow.SyncWorker.Steps;

/// <summary>
/// Exercises: the list says what exists; only exercises not stored yet are fetched in full (zones, samples,
/// route), once each. A session an import stored first becomes the AccessLink exercise (one record, both sources).
/// Each listed exercise's FIT, TCX and GPX are fetched once (a stored or absent file is never asked for again), so
/// the originals outlive Polar's window; an exercise stored before files were kept gets them while Polar lists it.
/// Files come after the data: oldest exercise first (the first to leave Polar's window), only while the shared budget
/// has <see cref="SyncOptions.ExerciseFileReserve"/> left; the rest wait for the next sync. A webhook job fetches the
/// exercises its events named by id and lists nothing (<see cref="ExerciseAnnouncement"/>).
/// </summary>
public sealed class ExercisesStep(ExerciseFileWriter files, RedisRateBudget budget) : SyncStep
{
    public override string DataType => SyncDataTypes.Exercises;

    public override Cadence Cadence { get; } = Cadence.EveryRun;

    public override async Task<PendingWrite> FetchAsync(SyncContext c, CancellationToken ct)
    {
        var announced = c.Trigger == SyncJobTrigger.Webhook && !c.FirstSync
            ? await c.Db.ExerciseAnnouncements.AsNoTracking().Where(a => a.UserId == c.UserId)
                .Select(a => a.ExerciseId).ToListAsync(ct)
            : [];
        if (announced.Count > 0) return await AnnouncedAsync(c, announced, ct);

        var listed = await c.Client.ListExercisesAsync(c.AccessToken, ct: ct);
        var ids = listed.Select(e => e.Id).ToList();
        var stored = await StoredAsync(c, ids, ct);
        var got = await FetchInFullAsync(c, ids.Except(stored).ToList(), ct);
        var have = stored.Concat(got.Fresh.Select(e => e.Id)).ToHashSet();
        return await WriteAsync(c, got, listed.Where(e => have.Contains(e.Id)).ToList(), settled: have, listed.Count, ct);
    }

    /// <summary>
    /// A webhook job: the exercises Polar's events named, fetched by id (no list). One stored meanwhile costs nothing,
    /// one Polar no longer has (404) is let go. A partial read: the weekly safety net still lists the type.
    /// </summary>
    private async Task<PendingWrite> AnnouncedAsync(SyncContext c, List<string> announced, CancellationToken ct)
    {
        var stored = await StoredAsync(c, announced, ct);
        var got = await FetchInFullAsync(c, announced.Except(stored).ToList(), ct);
        var settled = stored.Concat(got.Fresh.Select(e => e.Id)).Concat(got.Gone).ToList();
        var pending = await WriteAsync(c, got, got.Fresh, settled, got.Fresh.Count, ct);
        return pending with { Partial = true };
    }

    private static async Task<List<string>> StoredAsync(SyncContext c, List<string> ids, CancellationToken ct) =>
        await c.Db.Exercises.AsNoTracking().Where(e => e.UserId == c.UserId && ids.Contains(e.ExerciseId))
            .Select(e => e.ExerciseId).ToListAsync(ct);

    /// <summary>New exercises in full (zones, samples, route), those Polar no longer has (404), and what failed.</summary>
    private sealed record InFull(List<AccessLink.Models.Exercise> Fresh, List<string> Gone, int Wanted, int Failures,
        string? LastError);

    private static async Task<InFull> FetchInFullAsync(SyncContext c, List<string> ids, CancellationToken ct)
    {
        var got = new InFull([], [], ids.Count, 0, null);
        foreach (var id in ids)
        {
            try
            {
                var full = await c.Client.GetExerciseAsync(c.AccessToken, id, samples: true, zones: true, route: true, ct);
                if (full is null) got.Gone.Add(id);
                else got.Fresh.Add(full);
            }
            catch (AccessLinkException ex) when (ex.Kind is AccessLinkErrorKind.ServerError or AccessLinkErrorKind.MalformedResponse)
            {
                // Keep the others; this one is fetched again on the retry (it is still not stored).
                got = got with { Failures = got.Failures + 1, LastError = ex.Message };
            }
        }
        return got;
    }

    /// <summary>
    /// The files of <paramref name="withFiles"/> (oldest first, within the budget), then the write: the new exercises,
    /// their samples, routes and files; the announcements of <paramref name="settled"/> are dropped with them.
    /// </summary>
    private async Task<PendingWrite> WriteAsync(SyncContext c, InFull got, List<AccessLink.Models.Exercise> withFiles,
        IReadOnlyCollection<string> settled, int fetchedCount, CancellationToken ct)
    {
        var oldestFirst = withFiles.OrderBy(e => e.StartTime).Select(e => e.Id).ToList();
        var withoutRoute = withFiles.Where(e => e.HasRoute == false).Select(e => e.Id).ToHashSet();
        var fetched = await FetchFilesAsync(c, oldestFirst, withoutRoute, ct);
        var failures = got.Failures + fetched.Failures;
        var lastError = got.LastError ?? fetched.LastError;

        var exercises = got.Fresh.Select(e => PolarMapping.Exercise(c.UserId, e)).ToList();
        var samples = got.Fresh.SelectMany(e => PolarMapping.ExerciseSamples(c.UserId, e)).ToList();
        var routes = got.Fresh.Select(e => PolarMapping.Route(c.UserId, e)).OfType<Data.Entities.ExerciseRoute>().ToList();
        var newest = withFiles.Where(e => e.StartTime is not null).Select(e => DateOnly.FromDateTime(e.StartTime!.Value))
            .DefaultIfEmpty().Max();
        var ids = settled.ToList();
        return new PendingWrite(fetchedCount, newest == default ? null : newest, async (db, t) =>
        {
            var merged = await AdoptImportedAsync(db, c.UserId, exercises, files.Store, t);
            var changed = merged + await db.UpsertAsync(exercises, t) + await db.UpsertAsync(samples, t)
                + await db.UpsertAsync(routes, t) + await files.SaveAsync(db, fetched.Downloads, t);
            await db.ExerciseAnnouncements.Where(a => a.UserId == c.UserId && ids.Contains(a.ExerciseId)).ExecuteDeleteAsync(t);
            return changed;
        })
        {
            Missing = lastError is null ? null
                : $"{failures} of {got.Wanted} new exercises or their files not fetched ({lastError})",
            Deferred = fetched.Deferred == 0 ? null
                : $"the files of {fetched.Deferred} exercises wait for spare rate budget (the next sync)",
        };
    }

    /// <summary>What one sync got of the files: the downloads, the failures, and how many exercises wait for budget.</summary>
    private sealed class FileFetch
    {
        public List<IncomingFile> Downloads { get; } = [];
        public int Failures { get; set; }
        public string? LastError { get; set; }
        public int Deferred { get; set; }
    }

    /// <summary>
    /// The AccessLink files these exercises do not have a row for yet (stored or absent), fetched one by one while the
    /// budget allows; the exercises left when it runs short (or a 429 comes) are counted as deferred. A session Polar
    /// lists without a route has no GPX (Polar answers 204): it is recorded absent without the call.
    /// </summary>
    private async Task<FileFetch> FetchFilesAsync(SyncContext c, List<string> ids, IReadOnlySet<string> withoutRoute,
        CancellationToken ct)
    {
        var known = (await c.Db.ExerciseFiles.AsNoTracking()
                .Where(f => f.UserId == c.UserId && f.Source == RecordSources.AccessLink && ids.Contains(f.ExerciseId))
                .Select(f => new { f.ExerciseId, f.Format }).ToListAsync(ct))
            .Select(f => (f.ExerciseId, f.Format)).ToHashSet();
        var todo = ids
            .Select(id => (Id: id, Formats: ExerciseFileFormats.AccessLink.Where(f => !known.Contains((id, f))).ToList()))
            .Where(e => e.Formats.Count > 0).ToList();
        var fetch = new FileFetch();
        for (var i = 0; i < todo.Count; i++)
        {
            fetch.Deferred = todo.Count - i;
            if (await budget.WaitNeededAsync(scheduled: true, c.Options.ExerciseFileReserve) is not null) return fetch;
            foreach (var format in todo[i].Formats)
            {
                var key = new ExerciseFileKey(c.UserId, todo[i].Id, format, RecordSources.AccessLink);
                if (format == ExerciseFileFormats.Gpx && withoutRoute.Contains(todo[i].Id))
                {
                    fetch.Downloads.Add(new IncomingFile(key, null));
                    continue;
                }
                try
                {
                    var bytes = await c.Client.GetExerciseFileAsync(c.AccessToken, todo[i].Id, format, ct);
                    fetch.Downloads.Add(new IncomingFile(key, bytes));
                }
                catch (AccessLinkException ex) when (ex.Kind is AccessLinkErrorKind.ServerError or AccessLinkErrorKind.MalformedResponse)
                {
                    fetch.Failures++;
                    fetch.LastError = ex.Message; // no row: asked for again on the retry
                }
                catch (AccessLinkException ex) when (ex.Kind == AccessLinkErrorKind.RateLimited)
                {
                    return fetch; // keep the files got; the next step waits for the reset
                }
            }
        }
        fetch.Deferred = 0;
        return fetch;
    }

    /// <summary>
    /// An exercise an import stored before AccessLink listed it is the same session under the export's id: it gives
    /// way to Polar's id, handing over the export's JSON and files, so the session stays one record whichever came first.
    /// </summary>
    private static async Task<int> AdoptImportedAsync(PolarFlowDbContext db, string userId, List<Data.Entities.Exercise> exercises,
        IExerciseFileStore store, CancellationToken ct)
    {
        var adopted = 0;
        foreach (var exercise in exercises.Where(e => e.StartTime is not null))
        {
            var imported = (await db.SameSessionAsync(userId, exercise.StartTime!.Value, exercise.StartTimeUtcOffsetMinutes ?? 0, exercise.Duration, ct))
                .Where(id => id.StartsWith(ExerciseMatch.ExportIdPrefix, StringComparison.Ordinal)).ToList();
            if (imported.Count == 0) continue;
            exercise.ExportRaw = await db.Exercises.Where(e => e.UserId == userId && e.ExerciseId == imported[0]).Select(e => e.ExportRaw).SingleAsync(ct);
            await db.ExerciseSamples.Where(s => s.UserId == userId && imported.Contains(s.ExerciseId)).ExecuteDeleteAsync(ct);
            await store.RenameExerciseAsync(db, userId, imported[0], exercise.ExerciseId, ct);
            await db.ExerciseFiles.Where(f => f.UserId == userId && f.ExerciseId == imported[0])
                .ExecuteUpdateAsync(s => s.SetProperty(f => f.ExerciseId, exercise.ExerciseId), ct);
            adopted += await db.Exercises.Where(e => e.UserId == userId && imported.Contains(e.ExerciseId)).ExecuteDeleteAsync(ct);
        }
        return adopted;
    }
}
