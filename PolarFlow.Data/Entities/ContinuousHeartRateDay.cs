namespace PolarFlow.Data.Entities;

/// <summary>One day of continuous heart rate, as two parallel arrays to keep ~300 samples a day compact.</summary>
public sealed class ContinuousHeartRateDay : SyncedRecord
{
    public DateOnly Date { get; set; }
    /// <summary>Seconds after local midnight of each sample (Polar's `sample_time`).</summary>
    public int[] SampleSeconds { get; set; } = [];
    public int[] HeartRates { get; set; } = [];
}
