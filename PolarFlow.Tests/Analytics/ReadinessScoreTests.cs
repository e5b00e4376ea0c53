using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Readiness;

namespace PolarFlow.Tests.Analytics;

/// <summary>Expected values worked out by hand in the comments (analytics-methods.md §2).</summary>
public sealed class ReadinessScoreTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);

    private static AthleteData Data(IEnumerable<NightRecord> nights, IEnumerable<SleepRecord>? sleeps = null) =>
        AthleteData.Empty with { Nights = nights.ToList(), Sleeps = (sleeps ?? []).ToList() };

    /// <summary>60 previous nights alternating between two values of each input, then tonight.</summary>
    private static IEnumerable<NightRecord> Nights(NightRecord tonight, Func<int, NightRecord> before) =>
        Enumerable.Range(1, 60).Select(i => before(i) with { Date = AsOf.AddDays(-i) }).Append(tonight with { Date = AsOf });

    [Fact]
    public void HrvAndRestingHrAloneGiveARenormalisedScoreByHand()
    {
        // lnRMSSD alternates 3.9 / 4.1: mean 4.0, sample SD sqrt(60 · 0.01 / 59) = 0.1008439; tonight 4.1 → z 0.991632,
        // component 50 + 25 · 0.991632 = 74.79079. Resting HR alternates 49 / 51: mean 50, SD sqrt(60 / 59) = 1.008439;
        // tonight 52 → z −1.983263 after inversion, component 0.418417. Only these two are present, so the weights
        // renormalise: (0.35 · 74.79079 + 0.20 · 0.418417) / 0.55 = 47.74629 → band low.
        var nights = Nights(new NightRecord(AsOf, Math.Exp(4.1), 52, null, 3.5),
            i => new NightRecord(default, Math.Exp(i % 2 == 0 ? 3.9 : 4.1), i % 2 == 0 ? 49 : 51, null, null));

        var result = ReadinessScore.Compute(Data(nights), AsOf);

        Assert.Equal(AnalyticStatus.Ok, result.Status);
        Assert.Equal(47.74629, result.Score!.Value, 5);
        Assert.Equal("low", result.Band);
        var hrv = result.Components.Single(c => c.Name == "hrv");
        Assert.Equal(0.991632, hrv.Z!.Value, 6);
        Assert.Equal(4.0, hrv.BaselineMean!.Value, 10);
        Assert.Equal(60, hrv.BaselineDays);
        Assert.Equal(0.418417, result.Components.Single(c => c.Name == "resting_hr").Score!.Value, 6);
        Assert.Equal("no value today", result.Components.Single(c => c.Name == "sleep_score").Missing);
        Assert.Equal(3.5, result.PolarAnsCharge); // beside the score, not part of it
    }

    [Fact]
    public void EachDaysSleepDebtUsesTheLatestSleepGoalEvenOneOlderThanTheBaseline()
    {
        // The only sleep goal (6 h) is on a night 100 days back; the 75 nights since slept 7 h and name no goal. Each
        // day's need is that 6 h, so every debt is 0. Were the old goal lost, the need would be the default 8 h and
        // every debt 60 min (the weights sum to 1).
        var goal = new SleepRecord(AsOf.AddDays(-100), null, null, 420, 80, 360, null);
        var sleeps = Enumerable.Range(0, 75).Select(i => new SleepRecord(AsOf.AddDays(-i), null, null, 420, 80, null, null))
            .Append(goal);
        var nights = Nights(new NightRecord(AsOf, Math.Exp(4.1), 52, null, null),
            i => new NightRecord(default, Math.Exp(i % 2 == 0 ? 3.9 : 4.1), i % 2 == 0 ? 49 : 51, null, null));

        var debt = ReadinessScore.Compute(Data(nights, sleeps), AsOf).Components.Single(c => c.Name == "sleep_debt");

        Assert.Equal(0, debt.Today);
        Assert.Equal(0, debt.BaselineMean);
        Assert.Equal(60, debt.BaselineDays);
    }

    [Fact]
    public void AllEqualBaselinesHaveNoSpread()
    {
        // Breathing 14.0 on every night: SD 0. Tonight 14.0 is exactly typical (z 0, component 50); tonight 15.0 has
        // no scale, so that component is left out and says why. HRV equal too: z 0 → 50, so the score is 50.
        var same = ReadinessScore.Compute(Data(Nights(new NightRecord(AsOf, 50, null, 14.0, null), _ => new NightRecord(default, 50, null, 14.0, null))), AsOf);
        var different = ReadinessScore.Compute(Data(Nights(new NightRecord(AsOf, 50, null, 15.0, null), _ => new NightRecord(default, 50, null, 14.0, null))), AsOf);

        Assert.Equal(50, same.Score!.Value, 10);
        Assert.Equal(50, same.Components.Single(c => c.Name == "breathing_rate").Score!.Value, 10);
        Assert.Equal(AnalyticStatus.InsufficientData, different.Status); // HRV alone is not enough
        Assert.Contains("no spread", different.Components.Single(c => c.Name == "breathing_rate").Missing);
    }

    [Fact]
    public void WithoutHrvOrRestingHrThereIsNoScore()
    {
        var sleeps = Enumerable.Range(0, 61).Select(i => new SleepRecord(AsOf.AddDays(-i), null, null, 480, 70 + i % 5, null, null));

        var result = ReadinessScore.Compute(Data([], sleeps), AsOf);

        Assert.Equal(AnalyticStatus.InsufficientData, result.Status);
        Assert.Null(result.Score);
        Assert.Contains("HRV or resting HR", result.Missing);
    }

    [Fact]
    public void ThirteenBaselineNightsAreTooFew()
    {
        var nights = Enumerable.Range(1, 13).Select(i => new NightRecord(AsOf.AddDays(-i), 40 + i, 50 + i % 2, null, null))
            .Append(new NightRecord(AsOf, 45, 50, null, null));

        var result = ReadinessScore.Compute(Data(nights), AsOf);

        Assert.Equal(AnalyticStatus.InsufficientData, result.Status);
        Assert.Contains("14 of the previous 60 days", result.Components.Single(c => c.Name == "hrv").Missing);
    }

    [Theory]
    [InlineData(75, "good")]
    [InlineData(74.99, "moderate")]
    [InlineData(50, "moderate")]
    [InlineData(49.99, "low")]
    public void BandsFollowTheDocumentedCutOffs(double score, string band) => Assert.Equal(band, ReadinessScore.Band(score));
}
