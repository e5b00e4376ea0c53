namespace PolarFlow.AccessLink.Models;

public sealed class NightlyRecharge : PolarRecord
{
    public string? PolarUser { get; init; }
    public DateOnly Date { get; init; }
    public int? HeartRateAvg { get; init; }
    public int? BeatToBeatAvg { get; init; }
    /// <summary>RMSSD in ms.</summary>
    public int? HeartRateVariabilityAvg { get; init; }
    public double? BreathingRateAvg { get; init; }
    public int? NightlyRechargeStatus { get; init; }
    public double? AnsCharge { get; init; }
    public int? AnsChargeStatus { get; init; }
    public Dictionary<string, int> HrvSamples { get; init; } = [];
    public Dictionary<string, double> BreathingSamples { get; init; } = [];
}
