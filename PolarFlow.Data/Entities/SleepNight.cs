namespace PolarFlow.Data.Entities;

/// <summary>One night of `/v3/users/sleep`; <see cref="Date"/> is the wake-up date. Durations in seconds.</summary>
public sealed class SleepNight : SyncedRecord
{
    public DateOnly Date { get; set; }
    public DateTimeOffset? SleepStartTime { get; set; }
    public DateTimeOffset? SleepEndTime { get; set; }
    /// <summary>The UTC offset Polar gave the start time, in minutes (timestamptz keeps only the instant).</summary>
    public int? SleepStartOffsetMinutes { get; set; }
    public int? SleepEndOffsetMinutes { get; set; }
    public string? DeviceId { get; set; }
    public double? Continuity { get; set; }
    public int? ContinuityClass { get; set; }
    public int? LightSleep { get; set; }
    public int? DeepSleep { get; set; }
    public int? RemSleep { get; set; }
    public int? UnrecognizedSleepStage { get; set; }
    public int? SleepScore { get; set; }
    public int? TotalInterruptionDuration { get; set; }
    public int? SleepCharge { get; set; }
    public int? SleepGoal { get; set; }
    public int? SleepRating { get; set; }
    public int? ShortInterruptionDuration { get; set; }
    public int? LongInterruptionDuration { get; set; }
    public int? SleepCycles { get; set; }
    public double? GroupDurationScore { get; set; }
    public double? GroupSolidityScore { get; set; }
    public double? GroupRegenerationScore { get; set; }
    /// <summary>Polar's `{"HH:MM": stage}` object (jsonb).</summary>
    public string? Hypnogram { get; set; }
    /// <summary>Polar's `{"HH:MM": bpm}` object (jsonb).</summary>
    public string? HeartRateSamples { get; set; }
}
