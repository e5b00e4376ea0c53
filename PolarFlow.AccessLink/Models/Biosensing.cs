namespace PolarFlow.AccessLink.Models;

public sealed class BodyTemperaturePeriod : PolarRecord
{
    public string? SourceDeviceId { get; init; }
    public string? MeasurementType { get; init; }
    public string? SensorLocation { get; init; }
    public DateTime? StartTime { get; init; }
    public DateTime? EndTime { get; init; }
    public DateTime? ModifiedTime { get; init; }
    public List<TemperatureSample> Samples { get; init; } = [];
}

public sealed record TemperatureSample(double TemperatureCelsius, long RecordingTimeDeltaMilliseconds);

public sealed class SkinTemperatureNight : PolarRecord
{
    public double? SleepTimeSkinTemperatureCelsius { get; init; }
    public double? DeviationFromBaselineCelsius { get; init; }
    public DateOnly SleepDate { get; init; }
}

public sealed class SkinContactPeriod : PolarRecord
{
    public string? SourceDeviceId { get; init; }
    public DateTime? StartTime { get; init; }
    public DateTime? EndTime { get; init; }
    public DateTime? ModifiedTime { get; init; }
    public List<SkinContactChange> SkinContactChanges { get; init; } = [];
}

public sealed record SkinContactChange(bool SkinContact, long RecordingTimeDeltaMilliseconds);

public sealed class EcgTest : PolarRecord
{
    public string? SourceDeviceId { get; init; }
    /// <summary>Polar's epoch number, verbatim: the spec's example is seconds, one SDK reads milliseconds.</summary>
    public long TestTime { get; init; }
    public int? TimeZoneOffset { get; init; }
    public int? AverageHeartRateBpm { get; init; }
    public double? HeartRateVariabilityMs { get; init; }
    public string? HeartRateVariabilityLevel { get; init; }
    public double? RriMs { get; init; }
    public double? PulseTransitTimeSystolicMs { get; init; }
    public double? PulseTransitTimeDiastolicMs { get; init; }
    public double? PulseTransitTimeQualityIndex { get; init; }
    public List<EcgSample> Samples { get; init; } = [];
    public List<EcgQuality> QualityMeasurements { get; init; } = [];

    public DateTimeOffset TestTimeUtc => EpochTime.ToUtc(TestTime);
}

public sealed record EcgSample(long RecordingTimeDeltaMs, double AmplitudeMv);

public sealed record EcgQuality(long RecordingTimeDeltaMs, string? QualityLevel);

public sealed class Spo2Test : PolarRecord
{
    public string? SourceDeviceId { get; init; }
    public long TestTime { get; init; }
    public int? TimeZoneOffset { get; init; }
    public string? TestStatus { get; init; }
    public int? BloodOxygenPercent { get; init; }
    public string? Spo2Class { get; init; }
    public string? Spo2ValueDeviationFromBaseline { get; init; }
    public double? Spo2QualityAveragePercent { get; init; }
    public int? AverageHeartRateBpm { get; init; }
    public double? HeartRateVariabilityMs { get; init; }
    public string? Spo2HrvDeviationFromBaseline { get; init; }
    public double? AltitudeMeters { get; init; }

    public DateTimeOffset TestTimeUtc => EpochTime.ToUtc(TestTime);
}

/// <summary>`test_time` is seconds in the spec's example and milliseconds in one SDK: values past year 5138 in seconds are milliseconds.</summary>
public static class EpochTime
{
    public static DateTimeOffset ToUtc(long value) =>
        value > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(value) : DateTimeOffset.FromUnixTimeSeconds(value);
}
