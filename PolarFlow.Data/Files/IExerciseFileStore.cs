namespace PolarFlow.Data.Files;

/// <summary>Names one stored file: the user's exercise, its format and the source that gave it.</summary>
public sealed record ExerciseFileKey(string UserId, string ExerciseId, string Format, string Source);

/// <summary>
/// Where exercise files' bytes live. <see cref="DatabaseFileStore"/> (the default) keeps them in PostgreSQL, in the
/// caller's transaction; a large deployment can register an object store instead. The file rows
/// (<see cref="Entities.ExerciseFile"/>: size, type, SHA-256) stay in the database either way.
/// </summary>
public interface IExerciseFileStore
{
    /// <summary>Stores (or replaces) the bytes; with the database store, inside <paramref name="db"/>'s transaction.</summary>
    /// <returns>Whether the bytes were new or changed.</returns>
    Task<bool> PutAsync(PolarFlowDbContext db, ExerciseFileKey key, byte[] content, CancellationToken ct);

    /// <summary>A readable, seekable stream of the bytes, or null when none are stored.</summary>
    Task<Stream?> OpenReadAsync(PolarFlowDbContext db, ExerciseFileKey key, CancellationToken ct);

    /// <summary>Moves an exercise's files to its new id (an imported session that AccessLink's exercise adopts).</summary>
    Task RenameExerciseAsync(PolarFlowDbContext db, string userId, string fromExerciseId, string toExerciseId, CancellationToken ct);

    /// <summary>Removes every file of a user (called when the user is deleted).</summary>
    Task DeleteUserAsync(PolarFlowDbContext db, string userId, CancellationToken ct);
}
