namespace PolarFlow.AccessLink.Models;

/// <summary>SleepWise alertness for one period; times are UTC without a zone, as Polar sends them.</summary>
public sealed class SleepWiseAlertness : PolarRecord
{
    public double? Grade { get; init; }
    public int? GradeValiditySeconds { get; init; }
    public string? GradeType { get; init; }
    public string? GradeClassification { get; init; }
    public string? Validity { get; init; }
    public string? SleepInertia { get; init; }
    public string? SleepType { get; init; }
    public string? ResultType { get; init; }
    public DateTime? PeriodStartTime { get; init; }
    public DateTime? PeriodEndTime { get; init; }
    public DateTime? SleepPeriodStartTime { get; init; }
    public DateTime? SleepPeriodEndTime { get; init; }
    public int? SleepTimezoneOffsetMinutes { get; init; }
    public List<AlertnessHour> HourlyData { get; init; } = [];
}

public sealed record AlertnessHour(string? Validity, string? AlertnessLevel, DateTime? StartTime, DateTime? EndTime);

public sealed class CircadianBedtime : PolarRecord
{
    public string? Validity { get; init; }
    public string? Quality { get; init; }
    public string? ResultType { get; init; }
    public DateTime? PeriodStartTime { get; init; }
    public DateTime? PeriodEndTime { get; init; }
    public DateTime? PreferredSleepPeriodStartTime { get; init; }
    public DateTime? PreferredSleepPeriodEndTime { get; init; }
    public DateTime? SleepGateStartTime { get; init; }
    public DateTime? SleepGateEndTime { get; init; }
    public int? SleepTimezoneOffsetMinutes { get; init; }
}
