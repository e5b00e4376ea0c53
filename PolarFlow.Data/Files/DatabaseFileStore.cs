using Microsoft.EntityFrameworkCore;
using PolarFlow.Data.Entities;

namespace PolarFlow.Data.Files;

/// <summary>
/// Exercise files in PostgreSQL (`exercise_file_contents`, bytea; PostgreSQL compresses the XML formats itself).
/// A write joins the caller's transaction, so a file and its row commit together.
/// </summary>
public sealed class DatabaseFileStore : IExerciseFileStore
{
    public async Task<bool> PutAsync(PolarFlowDbContext db, ExerciseFileKey key, byte[] content, CancellationToken ct) =>
        await db.UpsertAsync([new ExerciseFileContent
        {
            UserId = key.UserId, ExerciseId = key.ExerciseId, Format = key.Format, Source = key.Source, Content = content,
        }], ct) > 0;

    public async Task<Stream?> OpenReadAsync(PolarFlowDbContext db, ExerciseFileKey key, CancellationToken ct)
    {
        var content = await db.ExerciseFileContents.AsNoTracking()
            .Where(c => c.UserId == key.UserId && c.ExerciseId == key.ExerciseId && c.Format == key.Format && c.Source == key.Source)
            .Select(c => c.Content).SingleOrDefaultAsync(ct);
        return content is null ? null : new MemoryStream(content, writable: false);
    }

    public Task RenameExerciseAsync(PolarFlowDbContext db, string userId, string fromExerciseId, string toExerciseId, CancellationToken ct) =>
        db.ExerciseFileContents.Where(c => c.UserId == userId && c.ExerciseId == fromExerciseId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ExerciseId, toExerciseId), ct);

    // The rows go with the user's (ON DELETE CASCADE).
    public Task DeleteUserAsync(PolarFlowDbContext db, string userId, CancellationToken ct) => Task.CompletedTask;
}
