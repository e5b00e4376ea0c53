namespace PolarFlow.Data.Entities;

public sealed class SkinTemperatureNight : SyncedRecord
{
    public DateOnly SleepDate { get; set; }
    public double? SleepTimeSkinTemperatureCelsius { get; set; }
    public double? DeviationFromBaselineCelsius { get; set; }
}
