using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolarFlow.ApiService.Imports.Parsing;
using PolarFlow.Data;
using PolarFlow.Data.Entities;

namespace PolarFlow.ApiService.Imports;

/// <summary>
/// Writes one export file's records, its outcome row and the import's progress in one transaction, so a file is
/// either wholly visible or not at all, and an interrupted import resumes after its last finished file. Rows meet
/// what the sync stored with a fill-the-gaps upsert (AccessLink's values stay); an exercise becomes the stored
/// exercise that is the same session (<see cref="ExerciseMatch"/>).
/// </summary>
public sealed class ImportFileWriter(PolarFlowDbContext db, TimeProvider time)
{
    public sealed record Counts(int Read, int Changed);

    public async Task WriteAsync(HistoryImport import, string name, string family, string outcome, ExportRecords? records, string? error, CancellationToken ct)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var counts = new Dictionary<string, Counts>();
            if (records is not null)
            {
                await MatchExercisesAsync(import.UserId, records, ct);
                async Task Upsert<T>(string table, List<T> rows) where T : class
                {
                    if (rows.Count > 0) counts[table] = new Counts(rows.Count, await db.UpsertAsync(rows, ct, UpsertMode.FillGaps));
                }
                await Upsert("exercises", records.Exercises);
                await Upsert("exercise_samples", records.ExerciseSamples);
                await Upsert("daily_activity", records.Activity);
                await Upsert("activity_samples", records.ActivitySamples);
                await Upsert("continuous_heart_rate", records.HeartRate);
                await Upsert("sleep", records.Sleep);
                await Upsert("nightly_recharge", records.NightlyRecharge);
                await Upsert("physical_info", records.PhysicalInfo);
                if (counts.Values.Sum(c => c.Changed) > 0) await db.BumpDataVersionAsync(import.UserId, ct);
            }

            db.ImportFiles.Add(new HistoryImportFile
            {
                ImportId = import.Id, Name = name, Family = family, Outcome = outcome, Error = error, FinishedAt = time.GetUtcNow(),
                Records = counts.Count == 0 ? null : JsonSerializer.Serialize(counts.ToDictionary(kv => kv.Key, kv => new { read = kv.Value.Read, changed = kv.Value.Changed })),
            });
            await db.SaveChangesAsync(ct);
            await db.Imports.Where(i => i.Id == import.Id).ExecuteUpdateAsync(s => s
                .SetProperty(i => i.FilesDone, i => i.FilesDone + 1).SetProperty(i => i.HeartbeatAt, time.GetUtcNow()), ct);
            await transaction.CommitAsync(ct);
        });
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
