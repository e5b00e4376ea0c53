namespace PolarFlow.Data.Entities;

/// <summary>
/// An exercise's original file (FIT, TCX, GPX, or an export's CSV) as a source gave it, or the record that the
/// source has none (<see cref="ExerciseFileStatus.Absent"/>, so it is never asked for again). The bytes live in the
/// <see cref="Files.IExerciseFileStore"/>; this row says what they are.
/// </summary>
public sealed class ExerciseFile
{
    public required string UserId { get; set; }
    public required string ExerciseId { get; set; }
    /// <summary><see cref="Files.ExerciseFileFormats"/>: fit, tcx, gpx or csv.</summary>
    public required string Format { get; set; }
    /// <summary><see cref="RecordSources"/>: AccessLink's own file, or one an export held beside the session.</summary>
    public required string Source { get; set; }
    public ExerciseFileStatus Status { get; set; }
    public string? ContentType { get; set; }
    public long? SizeBytes { get; set; }
    /// <summary>Lower-case hex SHA-256 of the bytes; the HTTP ETag.</summary>
    public string? Sha256 { get; set; }
    /// <summary>The file's name where the source named it (an export entry).</summary>
    public string? Name { get; set; }
    public DateTimeOffset CreatedAt { get; set; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public enum ExerciseFileStatus
{
    Stored = 0,
    /// <summary>The source answered that it has no such file (AccessLink's 204, e.g. a GPX without GPS).</summary>
    Absent = 1,
}
