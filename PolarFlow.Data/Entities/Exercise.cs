namespace PolarFlow.Data.Entities;

public sealed class Exercise : SyncedRecord
{
    /// <summary>Polar's hashed exercise id (a string in `/v3/exercises`).</summary>
    public required string ExerciseId { get; set; }
    public DateTimeOffset? UploadTime { get; set; }
    public string? Device { get; set; }
    public string? DeviceId { get; set; }
    /// <summary>Local start time, no zone; <see cref="StartTimeUtcOffsetMinutes"/> places it.</summary>
    public DateTime? StartTime { get; set; }
    public int? StartTimeUtcOffsetMinutes { get; set; }
    public TimeSpan? Duration { get; set; }
    public int? Calories { get; set; }
    public double? Distance { get; set; }
    public int? HeartRateAverage { get; set; }
    public int? HeartRateMaximum { get; set; }
    public double? TrainingLoad { get; set; }
    public string? Sport { get; set; }
    public bool? HasRoute { get; set; }
    public string? DetailedSportInfo { get; set; }
    public int? RunningIndex { get; set; }
    public int? FatPercentage { get; set; }
    public int? CarbohydratePercentage { get; set; }
    public int? ProteinPercentage { get; set; }
    public long? ClubId { get; set; }
    public string? ClubName { get; set; }
    /// <summary>Training Load Pro cardio load; null where Polar sent -1.0 (not available).</summary>
    public double? CardioLoad { get; set; }
    public double? MuscleLoad { get; set; }
    public double? PerceivedLoad { get; set; }
    public string? CardioLoadInterpretation { get; set; }
    public string? MuscleLoadInterpretation { get; set; }
    public string? PerceivedLoadInterpretation { get; set; }
    public string? UserRpe { get; set; }
    /// <summary>Polar's `training_load_pro` object (jsonb).</summary>
    public string? TrainingLoadPro { get; set; }
    /// <summary>Polar's `heart_rate_zones` array (jsonb), from `?zones=true`.</summary>
    public string? HeartRateZones { get; set; }
}
