namespace PolarFlow.Data.Entities;

public sealed class DailyActivity : SyncedRecord
{
    public DateOnly Date { get; set; }
    /// <summary>Device-local time, no zone (as Polar sends it).</summary>
    public DateTime? StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public TimeSpan? ActiveDuration { get; set; }
    public TimeSpan? InactiveDuration { get; set; }
    public double? DailyActivityPercent { get; set; }
    public int? Calories { get; set; }
    public int? ActiveCalories { get; set; }
    public int? Steps { get; set; }
    public int? InactivityAlertCount { get; set; }
    public double? DistanceFromSteps { get; set; }
}
