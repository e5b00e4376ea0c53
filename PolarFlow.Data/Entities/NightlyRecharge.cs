namespace PolarFlow.Data.Entities;

public sealed class NightlyRecharge : SyncedRecord
{
    public DateOnly Date { get; set; }
    public int? HeartRateAvg { get; set; }
    public int? BeatToBeatAvg { get; set; }
    /// <summary>RMSSD in ms over roughly the first four hours of sleep.</summary>
    public int? HeartRateVariabilityAvg { get; set; }
    public double? BreathingRateAvg { get; set; }
    public int? NightlyRechargeStatus { get; set; }
    public double? AnsCharge { get; set; }
    public int? AnsChargeStatus { get; set; }
    /// <summary>Polar's `{"HH:MM": ms}` object (jsonb).</summary>
    public string? HrvSamples { get; set; }
    /// <summary>Polar's `{"HH:MM": breaths/min}` object (jsonb).</summary>
    public string? BreathingSamples { get; set; }
}
