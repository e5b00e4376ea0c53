namespace PolarFlow.Data.Entities;

/// <summary>
/// One version of the user's physical information. Every snapshot is kept (keyed by Polar's `modified`, or
/// `created` where there is none), so analytics can use the max HR or weight that held on a given day.
/// </summary>
public sealed class PhysicalInfoSnapshot : SyncedRecord
{
    public DateTimeOffset ModifiedAt { get; set; }
    public DateTimeOffset? CreatedAtPolar { get; set; }
    public double? Weight { get; set; }
    public double? Height { get; set; }
    public DateOnly? Birthday { get; set; }
    public string? Gender { get; set; }
    public int? MaximumHeartRate { get; set; }
    public int? RestingHeartRate { get; set; }
    public int? AerobicThreshold { get; set; }
    public int? AnaerobicThreshold { get; set; }
    public int? Vo2Max { get; set; }
    public string? WeightSource { get; set; }
    public string? TrainingBackground { get; set; }
    public string? TypicalDay { get; set; }
    public TimeSpan? SleepGoal { get; set; }
}
