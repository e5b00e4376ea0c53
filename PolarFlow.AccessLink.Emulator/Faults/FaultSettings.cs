namespace PolarFlow.AccessLink.Emulator.Faults;

/// <summary>Faults to inject into AccessLink answers (not the admin endpoints), switchable at run time.</summary>
public sealed class FaultSettings
{
    /// <summary>Share of requests (0-1) answered 503.</summary>
    public double ServerErrorRate { get; set; }
    public int LatencyMilliseconds { get; set; }
    /// <summary>Share of requests whose connection is dropped without an answer.</summary>
    public double DropRate { get; set; }
    /// <summary>The next N requests get 429, whatever the budget.</summary>
    public int Burst429 { get; set; }
    /// <summary>Share of JSON answers cut off half-way.</summary>
    public double MalformedRate { get; set; }
    public int Seed { get; set; } = 7;
    /// <summary>Every request whose path is exactly this answers 503 (one exercise that Polar cannot serve today).</summary>
    public string? FailingPath { get; set; }

    public void CopyFrom(FaultSettings other) =>
        (ServerErrorRate, LatencyMilliseconds, DropRate, Burst429, MalformedRate, Seed, FailingPath) =
        (other.ServerErrorRate, other.LatencyMilliseconds, other.DropRate, other.Burst429, other.MalformedRate, other.Seed, other.FailingPath);
}
