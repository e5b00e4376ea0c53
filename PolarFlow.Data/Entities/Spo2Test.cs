namespace PolarFlow.Data.Entities;

public sealed class Spo2Test : SyncedRecord
{
    public long TestTime { get; set; }
    public required string SourceDeviceId { get; set; }
    public int? TimeZoneOffsetMinutes { get; set; }
    public string? TestStatus { get; set; }
    public int? BloodOxygenPercent { get; set; }
    public string? Spo2Class { get; set; }
    public string? Spo2ValueDeviationFromBaseline { get; set; }
    public double? Spo2QualityAveragePercent { get; set; }
    public int? AverageHeartRateBpm { get; set; }
    public double? HeartRateVariabilityMs { get; set; }
    public string? Spo2HrvDeviationFromBaseline { get; set; }
    public double? AltitudeMeters { get; set; }
}
