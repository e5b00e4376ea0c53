using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Imports.Parsing;
using PolarFlow.Data;
using PolarFlow.Data.Entities;
using PolarFlow.Data.Files;

namespace PolarFlow.ApiService.Imports;

/// <summary>
/// Writes export files' records, their outcome rows and the import's progress in one transaction per batch of whole
/// files, so a file is either wholly visible or not at all, and an interrupted import resumes after its last
/// committed file. Rows meet what the sync stored with a fill-the-gaps upsert (AccessLink's values stay); an exercise becomes the stored
/// exercise that is the same session (<see cref="ExerciseMatch"/>).
/// </summary>
public sealed class ImportFileWriter(PolarFlowDbContext db, ExerciseFileWriter files, TimeProvider time)
{
    /// <summary>One file's outcome: its records when it was read, the reason when it was skipped or failed.</summary>
    public sealed record FileOutcome(string Name, string Family, string Outcome, ExportRecords? Records, string? Error);

    /// <summary>Writes a batch of whole files in one transaction (one commit for many small files; never part of a file).</summary>
    public async Task WriteAsync(HistoryImport import, IReadOnlyList<FileOutcome> files, CancellationToken ct)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var changed = 0;
            foreach (var file in files)
            {
                var counts = file.Records is null ? [] : await WriteRecordsAsync(import.UserId, file.Records, ct);
                changed += counts.Values.Sum(c => c.Changed);
                db.ImportFiles.Add(new HistoryImportFile
                {
                    UserId = import.UserId, ImportId = import.Id, Name = file.Name, Family = file.Family, Outcome = file.Outcome, Error = file.Error, FinishedAt = time.GetUtcNow(),
                    Records = counts.Count == 0 ? null : JsonSerializer.Serialize(counts, JsonSerializerOptions.Web),
                });
            }
            if (changed > 0) await db.BumpDataVersionAsync(import.UserId, ct);
            await db.SaveChangesAsync(ct);
            await db.Imports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.FilesDone, i => i.FilesDone + files.Count).SetProperty(i => i.HeartbeatAt, time.GetUtcNow()), ct);
            await transaction.CommitAsync(ct);
        });
    }

    private async Task<Dictionary<string, ImportCountsDto>> WriteRecordsAsync(string userId, ExportRecords records, CancellationToken ct)
    {
        var counts = new Dictionary<string, ImportCountsDto>();
        await MatchExercisesAsync(userId, records, ct);
        async Task Upsert<T>(string table, List<T> rows) where T : class
        {
            if (rows.Count > 0) counts[table] = new ImportCountsDto(rows.Count, await db.UpsertAsync(rows, ct, UpsertMode.FillGaps));
        }
        await Upsert("exercises", records.Exercises);
        await Upsert("exercise_samples", records.ExerciseSamples);
        await Upsert("daily_activity", records.Activity);
        await Upsert("activity_samples", records.ActivitySamples);
        await Upsert("continuous_heart_rate", records.HeartRate);
        await Upsert("sleep", records.Sleep);
        await Upsert("nightly_recharge", records.NightlyRecharge);
        await Upsert("physical_info", records.PhysicalInfo);
        if (records.ExerciseFiles.Count > 0)
        {
            var incoming = records.ExerciseFiles.Select(f => new IncomingFile(
                new ExerciseFileKey(userId, f.Exercise.ExerciseId, f.Format, RecordSources.Export), f.Content, f.Name)).ToList();
            counts["exercise_files"] = new ImportCountsDto(incoming.Count, await files.SaveAsync(db, incoming, ct));
        }
        await WriteArchiveAsync(userId, records, counts, ct);
        return counts;
    }

    /// <summary>A PolarFlow archive's rows (gaps filled), file bytes, and the user's Polar facts where this server lacks them.</summary>
    private async Task WriteArchiveAsync(string userId, ExportRecords records, Dictionary<string, ImportCountsDto> counts, CancellationToken ct)
    {
        foreach (var rows in records.ArchiveRows.Where(r => r.Count > 0)) counts[rows.Table] = new ImportCountsDto(rows.Count, await rows.Store(db, ct));
        if (records.ArchiveFiles.Count > 0)
        {
            var changed = 0;
            foreach (var (key, content) in records.ArchiveFiles) changed += await files.Store.PutAsync(db, key, content, ct) ? 1 : 0;
            counts["exercise_file_contents"] = new ImportCountsDto(records.ArchiveFiles.Count, changed);
        }
        if (records.ArchivedUser is { } archived)
        {
            var raw = archived.Polar?.GetRawText();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.UserId == userId, ct);
            var filled = (user.PolarRegistrationDate is null && archived.PolarRegistrationDate is not null) || (user.Raw is null && raw is not null);
            if (filled)
            {
                // Not through the change tracker: the batch bumps the data version with its own UPDATE.
                await db.Users.Where(u => u.UserId == userId).ExecuteUpdateAsync(s => s
                    .SetProperty(u => u.PolarRegistrationDate, user.PolarRegistrationDate ?? archived.PolarRegistrationDate)
                    .SetProperty(u => u.Raw, user.Raw ?? raw), ct);
            }
            counts["users"] = new ImportCountsDto(1, filled ? 1 : 0);
        }
    }

    /// <summary>Gives each exported exercise the id of the stored exercise it is (AccessLink's first), and its samples with it.</summary>
    private async Task MatchExercisesAsync(string userId, ExportRecords records, CancellationToken ct)
    {
        foreach (var exercise in records.Exercises)
        {
            if (exercise.StartTime is not { } start) continue;
            var same = await db.SameSessionAsync(userId, start, exercise.StartTimeUtcOffsetMinutes ?? 0, exercise.Duration, ct);
            if (same.Count == 0 || same[0] == exercise.ExerciseId) continue;
            foreach (var sample in records.ExerciseSamples.Where(s => s.ExerciseId == exercise.ExerciseId)) sample.ExerciseId = same[0];
            exercise.ExerciseId = same[0];
        }
    }
}
