namespace PolarFlow.Data.Entities;

/// <summary>The GPS route of an exercise (`?route=true`).</summary>
public sealed class ExerciseRoute : SyncedRecord
{
    public required string ExerciseId { get; set; }
    public int PointCount { get; set; }
    /// <summary>Polar's route point array (jsonb).</summary>
    public required string Points { get; set; }
}
