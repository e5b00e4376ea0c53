namespace PolarFlow.Data.Entities;

/// <summary>A body temperature measurement period (`/v3/users/biosensing/bodytemperature`).</summary>
public sealed class BodyTemperaturePeriod : SyncedRecord
{
    public required string SourceDeviceId { get; set; }
    public DateTime StartTime { get; set; }
    public DateTime? EndTime { get; set; }
    public DateTime? ModifiedTime { get; set; }
    public string? MeasurementType { get; set; }
    public string? SensorLocation { get; set; }
    /// <summary>Polar's samples array (jsonb): temperature and milliseconds from the start.</summary>
    public string? Samples { get; set; }
}
