namespace PolarFlow.AccessLink.Models;

/// <summary>A day of `/v3/users/activities`; <see cref="Samples"/> only when asked for.</summary>
public sealed class DailyActivitySummary : PolarRecord
{
    public DateTime? StartTime { get; init; }
    public DateTime? EndTime { get; init; }
    public TimeSpan? ActiveDuration { get; init; }
    public TimeSpan? InactiveDuration { get; init; }
    public double? DailyActivity { get; init; }
    public int? Calories { get; init; }
    public int? ActiveCalories { get; init; }
    public int? Steps { get; init; }
    public int? InactivityAlertCount { get; init; }
    public double? DistanceFromSteps { get; init; }
    public ActivitySamples? Samples { get; init; }
}

/// <summary>`/v3/users/activities/samples`: steps (repeats dropped by Polar), zones, inactivity stamps.</summary>
public sealed class ActivitySamples : PolarRecord
{
    public DateOnly? Date { get; init; }
    public StepSamples? Steps { get; init; }
    public ZoneSamples? ActivityZones { get; init; }
    public List<InactivityStamp> InactivityStamps { get; init; } = [];
}

public sealed class StepSamples
{
    public int? IntervalMs { get; init; }
    public int? TotalSteps { get; init; }
    public List<StepSample> Samples { get; init; } = [];
}

public sealed record StepSample(int Steps, DateTime Timestamp);

public sealed class ZoneSamples
{
    public List<ZoneSample> Samples { get; init; } = [];
}

/// <summary>`zone`: SEDENTARY, LIGHT, SLEEP, MODERATE or VIGOROUS.</summary>
public sealed record ZoneSample(string Zone, DateTime Timestamp);

public sealed record InactivityStamp(DateTime Stamp);
