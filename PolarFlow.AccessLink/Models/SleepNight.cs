namespace PolarFlow.AccessLink.Models;

/// <summary>One night (`/v3/users/sleep`); <see cref="Date"/> is the wake-up date; durations in seconds.</summary>
public sealed class SleepNight : PolarRecord
{
    public string? PolarUser { get; init; }
    public DateOnly Date { get; init; }
    public DateTimeOffset? SleepStartTime { get; init; }
    public DateTimeOffset? SleepEndTime { get; init; }
    public string? DeviceId { get; init; }
    public double? Continuity { get; init; }
    public int? ContinuityClass { get; init; }
    public int? LightSleep { get; init; }
    public int? DeepSleep { get; init; }
    public int? RemSleep { get; init; }
    public int? UnrecognizedSleepStage { get; init; }
    public int? SleepScore { get; init; }
    public int? TotalInterruptionDuration { get; init; }
    public int? SleepCharge { get; init; }
    public int? SleepGoal { get; init; }
    public int? SleepRating { get; init; }
    public int? ShortInterruptionDuration { get; init; }
    public int? LongInterruptionDuration { get; init; }
    public int? SleepCycles { get; init; }
    public double? GroupDurationScore { get; init; }
    public double? GroupSolidityScore { get; init; }
    public double? GroupRegenerationScore { get; init; }
    /// <summary>`"HH:MM"` → stage: 0 wake, 1 REM, 2 lighter non-REM, 3 light non-REM, 4 deep, 5 unknown.</summary>
    public Dictionary<string, int> Hypnogram { get; init; } = [];
    public Dictionary<string, int> HeartRateSamples { get; init; } = [];
}

public sealed class SleepAvailability : PolarRecord
{
    public DateOnly Date { get; init; }
    public DateTimeOffset? StartTime { get; init; }
    public DateTimeOffset? EndTime { get; init; }
}
