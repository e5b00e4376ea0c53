namespace PolarFlow.AccessLink.Models;

/// <summary>The three legacy transaction families and their wire names.</summary>
public sealed record TransactionFamily(string Path, string ListKey)
{
    public static readonly TransactionFamily Exercise = new("exercise-transactions", "exercises");
    public static readonly TransactionFamily Activity = new("activity-transactions", "activity_log");
    public static readonly TransactionFamily PhysicalInformation = new("physical-information-transactions", "physical_informations");
}

public sealed record TransactionCreated(long TransactionId, string ResourceUri);

/// <summary>A legacy exercise summary (kebab-case on the wire, integer id).</summary>
public sealed class LegacyExercise : PolarRecord
{
    public long Id { get; init; }
    public DateTimeOffset? UploadTime { get; init; }
    public long? TransactionId { get; init; }
    public string? Device { get; init; }
    public DateTime? StartTime { get; init; }
    public int? StartTimeUtcOffset { get; init; }
    public TimeSpan? Duration { get; init; }
    public int? Calories { get; init; }
    public double? Distance { get; init; }
    public HeartRateSummary? HeartRate { get; init; }
    public double? TrainingLoad { get; init; }
    public string? Sport { get; init; }
    public bool? HasRoute { get; init; }
}

public sealed record LegacyHeartRateZones(List<HeartRateZone> Zone);

public sealed record LegacySampleList(List<string> Samples);

public sealed class LegacyActivity : PolarRecord
{
    public long Id { get; init; }
    public long? TransactionId { get; init; }
    public DateOnly Date { get; init; }
    public DateTimeOffset? Created { get; init; }
    public int? Calories { get; init; }
    public int? ActiveCalories { get; init; }
    public TimeSpan? Duration { get; init; }
    public int? ActiveSteps { get; init; }
}

public sealed class LegacyStepSamples : PolarRecord
{
    public DateOnly Date { get; init; }
    public int? Interval { get; init; }
    public List<LegacyStepSample> Samples { get; init; } = [];
}

public sealed record LegacyStepSample(int Steps, TimeOnly Time);

public sealed class LegacyZoneSamples : PolarRecord
{
    public DateOnly Date { get; init; }
    public int? Interval { get; init; }
    public List<LegacyZoneSample> Samples { get; init; } = [];
}

public sealed record LegacyZoneSample(List<LegacyZoneDuration> ActivityZones, TimeOnly Time);

public sealed record LegacyZoneDuration(int Index, TimeSpan? Inzone);

public sealed class LegacyPhysicalInfo : PolarRecord
{
    public long Id { get; init; }
    public long? TransactionId { get; init; }
    public DateTimeOffset? Created { get; init; }
    public double? Weight { get; init; }
    public double? Height { get; init; }
    public int? MaximumHeartRate { get; init; }
    public int? RestingHeartRate { get; init; }
    public int? AerobicThreshold { get; init; }
    public int? AnaerobicThreshold { get; init; }
    public int? Vo2Max { get; init; }
    public string? WeightSource { get; init; }
}
