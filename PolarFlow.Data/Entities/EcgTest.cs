namespace PolarFlow.Data.Entities;

public sealed class EcgTest : SyncedRecord
{
    /// <summary>Polar's epoch `test_time`, verbatim (its unit is not settled; see the AccessLink notes).</summary>
    public long TestTime { get; set; }
    public required string SourceDeviceId { get; set; }
    public int? TimeZoneOffsetMinutes { get; set; }
    public int? AverageHeartRateBpm { get; set; }
    public double? HeartRateVariabilityMs { get; set; }
    public string? HeartRateVariabilityLevel { get; set; }
    public double? RriMs { get; set; }
    public double? PulseTransitTimeSystolicMs { get; set; }
    public double? PulseTransitTimeDiastolicMs { get; set; }
    public double? PulseTransitTimeQualityIndex { get; set; }
    /// <summary>Polar's ECG samples array (jsonb).</summary>
    public string? Samples { get; set; }
    public string? QualityMeasurements { get; set; }
}
