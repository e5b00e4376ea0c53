namespace PolarFlow.Data.Entities;

/// <summary>A SleepWise circadian bedtime period. Times are UTC.</summary>
public sealed class SleepWiseBedtime : SyncedRecord
{
    public DateTimeOffset PeriodStartTime { get; set; }
    public required string ResultType { get; set; }
    public DateTimeOffset? PeriodEndTime { get; set; }
    public string? Validity { get; set; }
    public string? Quality { get; set; }
    public DateTimeOffset? PreferredSleepPeriodStartTime { get; set; }
    public DateTimeOffset? PreferredSleepPeriodEndTime { get; set; }
    public DateTimeOffset? SleepGateStartTime { get; set; }
    public DateTimeOffset? SleepGateEndTime { get; set; }
    public int? SleepTimezoneOffsetMinutes { get; set; }
}
