namespace PolarFlow.AccessLink.Models;

public sealed class PhysicalInfo : PolarRecord
{
    public double? Weight { get; init; }
    public double? Height { get; init; }
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public DateOnly? Birthday { get; init; }
    public string? Gender { get; init; }
    public int? MaximumHeartRate { get; init; }
    public int? RestingHeartRate { get; init; }
    public int? AerobicThreshold { get; init; }
    public int? AnaerobicThreshold { get; init; }
    public int? Vo2Max { get; init; }
    public string? WeightSource { get; init; }
    public string? TrainingBackground { get; init; }
    public string? TypicalDay { get; init; }
    public TimeSpan? SleepGoal { get; init; }
}
