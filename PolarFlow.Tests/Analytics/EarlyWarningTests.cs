using PolarFlow.Analytics.Anomalies;
using PolarFlow.Analytics.Common;

namespace PolarFlow.Tests.Analytics;

/// <summary>NightSignal's rule applied by hand to small series (analytics-methods.md §5).</summary>
public sealed class EarlyWarningTests
{
    private static readonly DateOnly First = new(2026, 10, 1);

    /// <summary>20 nights at 50 bpm (RMSSD alternating 45/55, breathing 14), then the given resting HRs.</summary>
    private static List<NightRecord> Nights(params double[] after) =>
        Enumerable.Range(0, 20).Select(i => new NightRecord(First.AddDays(i), i % 2 == 0 ? 45 : 55, 50, 14.0, null))
            .Concat(after.Select((hr, i) => new NightRecord(First.AddDays(20 + i), 50, hr, 14.0, null))).ToList();

    [Fact]
    public void TwoNightsThreeAboveTheMedianAreYellowAndFourAreRed()
    {
        // Baseline = median of every earlier night = 50 (the alert nights themselves are few against 20 at 50).
        var yellow = EarlyWarning.Compute(Nights(53, 53), First.AddDays(21));
        var red = EarlyWarning.Compute(Nights(54, 54), First.AddDays(21));
        var mixed = EarlyWarning.Compute(Nights(54, 53), First.AddDays(21));

        Assert.Equal(("yellow", First.AddDays(21)), (yellow.Active!.Level, yellow.Active.Date));
        Assert.Equal(3, yellow.Active.Elevation);
        Assert.Equal("red", red.Active!.Level);
        Assert.Equal("yellow", mixed.Active!.Level); // red needs +4 on both nights
    }

    [Fact]
    public void EachNightsBaselineIsTheMedianOfEveryNightBeforeIt()
    {
        // 200 nights of 40..79 bpm in a shuffled order (a fixed seed), then a week. Each week night's baseline is the
        // median of all nights before it, worked out here by sorting them (the method keeps them sorted as it goes).
        var random = new Random(16);
        var hrs = Enumerable.Range(0, 207).Select(_ => 40.0 + random.Next(40)).ToArray();
        var nights = hrs.Select((hr, i) => new NightRecord(First.AddDays(i), 50, hr, 14.0, null)).ToList();

        var result = EarlyWarning.Compute(nights, First.AddDays(206), days: 7);

        Assert.Equal(7, result.Nights.Count);
        foreach (var (night, i) in result.Nights.Select((n, i) => (n, 200 + i)))
        {
            var before = hrs[..i].Order().ToArray();
            var median = before.Length % 2 == 1 ? before[i / 2] : (before[i / 2 - 1] + before[i / 2]) / 2;
            Assert.Equal(median, night.Baseline);
        }
    }

    [Fact]
    public void OneHighNightOrTwoApartIsNoAlert()
    {
        Assert.Empty(EarlyWarning.Compute(Nights(56, 50), First.AddDays(21)).Alerts);
        Assert.Empty(EarlyWarning.Compute(Nights(56, 50, 56), First.AddDays(22)).Alerts);
        Assert.Empty(EarlyWarning.Compute(Nights(52, 52), First.AddDays(21)).Alerts); // +2 is within normal
    }

    [Fact]
    public void AGapBetweenNightsBreaksTheRun()
    {
        var nights = Nights(54);
        nights.Add(new NightRecord(First.AddDays(22), 50, 54, 14, null)); // night 21 is missing

        Assert.Empty(EarlyWarning.Compute(nights, First.AddDays(22)).Alerts);
    }

    [Fact]
    public void ThirteenEarlierNightsGiveNoBaseline()
    {
        var nights = Enumerable.Range(0, 13).Select(i => new NightRecord(First.AddDays(i), 50, 50, null, null))
            .Concat([new NightRecord(First.AddDays(13), 50, 60, null, null), new NightRecord(First.AddDays(14), 50, 60, null, null)]).ToList();

        var result = EarlyWarning.Compute(nights, First.AddDays(14));

        // Night 13 has 13 earlier nights (no baseline); night 14 has 14 but needs night 13 elevated too.
        Assert.Empty(result.Alerts);
        Assert.Null(result.Nights.Single(n => n.Date == First.AddDays(13)).Baseline);
        Assert.Equal(50, result.Nights.Single(n => n.Date == First.AddDays(14)).Baseline);
    }

    [Fact]
    public void TheExtensionsFlagLowHrvAndRaisedBreathingOnTheSameNights()
    {
        // ln RMSSD before: ln 45 = 3.80666 and ln 55 = 4.00733 alternating: mean 3.90700, sample SD 0.10294, range low
        // 3.90700 − 0.5 · 0.10294 = 3.85553 (RMSSD 47.3).
        // On the alert nights RMSSD 30 (ln 3.401) is below it; breathing 15.5 > median 14 + 1.
        var nights = Nights().Concat([new NightRecord(First.AddDays(20), 30, 55, 15.5, null), new NightRecord(First.AddDays(21), 30, 55, 15.5, null)]).ToList();
        var plain = Nights(55, 55);

        var extended = EarlyWarning.Compute(nights, First.AddDays(21)).Active!;
        var only = EarlyWarning.Compute(plain, First.AddDays(21)).Active!;

        Assert.True(extended.HrvBelowRange);
        Assert.True(extended.BreathingRaised);
        Assert.Contains("HRV is below your normal range", extended.Message);
        Assert.False(only.HrvBelowRange); // RMSSD 50 (ln 3.912) is inside the range
        Assert.False(only.BreathingRaised);
    }
}
