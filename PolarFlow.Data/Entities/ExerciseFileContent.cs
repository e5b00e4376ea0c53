namespace PolarFlow.Data.Entities;

/// <summary>The bytes of an <see cref="ExerciseFile"/> when the database is the file store (the default).</summary>
public sealed class ExerciseFileContent
{
    public required string UserId { get; set; }
    public required string ExerciseId { get; set; }
    public required string Format { get; set; }
    public required string Source { get; set; }
    public required byte[] Content { get; set; }
}
