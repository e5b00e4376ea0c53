using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Files;

/// <summary>One file a source gave (or said it has none of: <see cref="Content"/> null).</summary>
public sealed record IncomingFile(ExerciseFileKey Key, byte[]? Content, string? Name = null);

/// <summary>
/// Writes exercise files the one way the sync, the export import and the archive restore all use: the bytes to the
/// <see cref="IExerciseFileStore"/>, the row (size, content type, SHA-256, or absent) beside them. A file already
/// stored with the same hash is left alone and not counted.
/// </summary>
public sealed class ExerciseFileWriter(IExerciseFileStore store)
{
    public IExerciseFileStore Store => store;

    /// <returns>Files stored or changed.</returns>
    public async Task<int> SaveAsync(PolarFlowDbContext db, IReadOnlyCollection<IncomingFile> files, CancellationToken ct)
    {
        if (files.Count == 0) return 0;
        var users = files.Select(f => f.Key.UserId).Distinct().ToList();
        var exercises = files.Select(f => f.Key.ExerciseId).Distinct().ToList();
        var existing = (await db.ExerciseFiles.AsNoTracking()
                .Where(f => users.Contains(f.UserId) && exercises.Contains(f.ExerciseId))
                .Select(f => new { f.UserId, f.ExerciseId, f.Format, f.Source, f.Sha256, f.Status })
                .ToListAsync(ct))
            .ToDictionary(f => new ExerciseFileKey(f.UserId, f.ExerciseId, f.Format, f.Source), f => (f.Sha256, f.Status));

        var rows = new List<ExerciseFile>();
        foreach (var file in files)
        {
            var sha = file.Content is { } bytes ? Convert.ToHexStringLower(SHA256.HashData(bytes)) : null;
            var status = file.Content is null ? ExerciseFileStatus.Absent : ExerciseFileStatus.Stored;
            if (existing.TryGetValue(file.Key, out var known) && known == (sha, status)) continue;
            if (file.Content is not null) await store.PutAsync(db, file.Key, file.Content, ct);
            rows.Add(new ExerciseFile
            {
                UserId = file.Key.UserId, ExerciseId = file.Key.ExerciseId, Format = file.Key.Format, Source = file.Key.Source,
                Status = status, Sha256 = sha, SizeBytes = file.Content?.LongLength, Name = file.Name,
                ContentType = file.Content is null ? null : ExerciseFileFormats.ContentType(file.Key.Format),
            });
        }
        return await db.UpsertAsync(rows, ct);
    }
}
