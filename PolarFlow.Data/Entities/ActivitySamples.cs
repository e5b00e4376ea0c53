namespace PolarFlow.Data.Entities;

/// <summary>One day of `/v3/users/activities/samples`: step counts, activity zones and inactivity stamps.</summary>
public sealed class ActivitySamples : SyncedRecord
{
    public DateOnly Date { get; set; }
    public int? StepIntervalMs { get; set; }
    public int? TotalSteps { get; set; }
    /// <summary>Polar's step samples array (jsonb); consecutive repeats are dropped by Polar.</summary>
    public string? StepSamples { get; set; }
    public string? ActivityZones { get; set; }
    public string? InactivityStamps { get; set; }
}
