namespace PolarFlow.Data.Entities;

/// <summary>One day of `/v3/users/cardio-load`. Polar's -1.0 (not available) is stored as null; raw keeps it.</summary>
public sealed class CardioLoadDay : SyncedRecord
{
    public DateOnly Date { get; set; }
    public string? CardioLoadStatus { get; set; }
    public double? CardioLoad { get; set; }
    public double? Strain { get; set; }
    public double? Tolerance { get; set; }
    public double? CardioLoadRatio { get; set; }
    public double? LevelVeryLow { get; set; }
    public double? LevelLow { get; set; }
    public double? LevelMedium { get; set; }
    public double? LevelHigh { get; set; }
    public double? LevelVeryHigh { get; set; }
}
