namespace PolarFlow.Data.Entities;

/// <summary>One sample series of an exercise (`?samples=true`), e.g. heart rate or speed.</summary>
public sealed class ExerciseSample : SyncedRecord
{
    public required string ExerciseId { get; set; }
    /// <summary>0 HR, 1 speed, 2 cadence, 3 altitude, 4 power, ... 11 RR interval (Polar's codes).</summary>
    public int SampleType { get; set; }
    /// <summary>Seconds between samples; null or 0 for RR intervals.</summary>
    public int? RecordingRate { get; set; }
    /// <summary>Polar's comma-separated values, verbatim (`null` marks a sensor gap).</summary>
    public required string Data { get; set; }
}
