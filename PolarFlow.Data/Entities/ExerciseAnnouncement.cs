namespace PolarFlow.Data.Entities;

/// <summary>
/// An exercise Polar's EXERCISE webhook named (its `entity_id`) that the sync has not stored yet: the next webhook job
/// fetches it by id instead of listing every exercise. Gone once the exercise is stored, or Polar no longer has it.
/// </summary>
public sealed class ExerciseAnnouncement
{
    public required string UserId { get; set; }
    public required string ExerciseId { get; set; }
    public DateTimeOffset AnnouncedAt { get; set; }
}
