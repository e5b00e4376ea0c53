namespace PolarFlow.AccessLink.Models;

/// <summary>A day of continuous heart rate; samples are nominally every 5 minutes, device time.</summary>
public sealed class ContinuousHeartRateDay : PolarRecord
{
    public string? PolarUser { get; init; }
    public DateOnly Date { get; init; }
    public List<HeartRateSample> HeartRateSamples { get; init; } = [];
}

public sealed record HeartRateSample(int HeartRate, TimeOnly SampleTime);
