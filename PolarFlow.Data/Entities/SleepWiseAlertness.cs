namespace PolarFlow.Data.Entities;

/// <summary>A SleepWise alertness period. Times are UTC, as Polar sends them.</summary>
public sealed class SleepWiseAlertness : SyncedRecord
{
    public DateTimeOffset PeriodStartTime { get; set; }
    /// <summary>`ALERTNESS_TYPE_HISTORY` or `_PREDICTION`: a prediction and a history may share a start.</summary>
    public required string ResultType { get; set; }
    public DateTimeOffset? PeriodEndTime { get; set; }
    public double? Grade { get; set; }
    public int? GradeValiditySeconds { get; set; }
    public string? GradeType { get; set; }
    public string? GradeClassification { get; set; }
    public string? Validity { get; set; }
    public string? SleepInertia { get; set; }
    public string? SleepType { get; set; }
    public DateTimeOffset? SleepPeriodStartTime { get; set; }
    public DateTimeOffset? SleepPeriodEndTime { get; set; }
    public int? SleepTimezoneOffsetMinutes { get; set; }
    /// <summary>Polar's `hourly_data` array (jsonb).</summary>
    public string? HourlyData { get; set; }
}
