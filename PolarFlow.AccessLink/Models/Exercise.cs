using System.Text.Json.Serialization;
using PolarFlow.AccessLink.Json;

namespace PolarFlow.AccessLink.Models;

/// <summary>`/v3/exercises`: a hashed string id; zones, samples and route only when asked for.</summary>
public sealed class Exercise : PolarRecord
{
    public required string Id { get; init; }
    public DateTimeOffset? UploadTime { get; init; }
    public string? PolarUser { get; init; }
    public string? Device { get; init; }
    public string? DeviceId { get; init; }
    /// <summary>Local time without zone; <see cref="StartTimeUtcOffset"/> (minutes) places it.</summary>
    public DateTime? StartTime { get; init; }
    public int? StartTimeUtcOffset { get; init; }
    public TimeSpan? Duration { get; init; }
    public int? Calories { get; init; }
    public double? Distance { get; init; }
    public HeartRateSummary? HeartRate { get; init; }
    public double? TrainingLoad { get; init; }
    public string? Sport { get; init; }
    public bool? HasRoute { get; init; }
    public string? DetailedSportInfo { get; init; }
    public int? RunningIndex { get; init; }
    public int? FatPercentage { get; init; }
    public int? CarbohydratePercentage { get; init; }
    public int? ProteinPercentage { get; init; }
    public long? ClubId { get; init; }
    public string? ClubName { get; init; }
    public TrainingLoadPro? TrainingLoadPro { get; init; }
    public List<HeartRateZone> HeartRateZones { get; init; } = [];
    public List<ExerciseSamples> Samples { get; init; } = [];
    public List<RoutePoint> Route { get; init; } = [];
}

public sealed record HeartRateSummary(int? Average, int? Maximum);

/// <summary>Training Load Pro; loads of -1.0 (not available) read as null.</summary>
public sealed class TrainingLoadPro
{
    public DateOnly? Date { get; init; }
    [JsonConverter(typeof(NotAvailableConverter))] public double? CardioLoad { get; init; }
    [JsonConverter(typeof(NotAvailableConverter))] public double? MuscleLoad { get; init; }
    [JsonConverter(typeof(NotAvailableConverter))] public double? PerceivedLoad { get; init; }
    public string? CardioLoadInterpretation { get; init; }
    public string? MuscleLoadInterpretation { get; init; }
    public string? PerceivedLoadInterpretation { get; init; }
    public string? UserRpe { get; init; }
}

public sealed record HeartRateZone(int Index, int? LowerLimit, int? UpperLimit, TimeSpan? InZone);

/// <summary>One sample series; <see cref="Data"/> is Polar's comma-separated text (`null` marks a gap).</summary>
public sealed record ExerciseSamples(int? RecordingRate, int SampleType, string Data)
{
    public IReadOnlyList<double?> Values() =>
        Data.Split(',').Select(v => double.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : (double?)null).ToList();
}

public sealed record RoutePoint(double Latitude, double Longitude, TimeSpan? Time, int? Satellites, int? Fix);
