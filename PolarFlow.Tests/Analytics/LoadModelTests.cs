using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.TrainingLoad;

namespace PolarFlow.Tests.Analytics;

/// <summary>Expected values worked out by hand, or by the closed form of the recursions (analytics-methods.md §4).</summary>
public sealed class LoadModelTests
{
    private static readonly DateOnly Start = new(2026, 1, 1);

    [Fact]
    public void OneSessionThenARestDayByHand()
    {
        // Day 0, load 100: CTL = 100 · (1 − e^(−1/42)) = 100 · 0.0235283 = 2.35283; ATL = 100 · (1 − e^(−1/7)) = 13.31221.
        // Day 1, no exercise (load 0): TSB = CTL₀ − ATL₀ = −10.95938; CTL = 2.35283 · e^(−1/42) = 2.29747;
        // ATL = 13.31221 · e^(−1/7) = 13.31221 · 0.8668779 = 11.54006.
        var result = LoadModel.Compute([new DailyValue(Start, 100)], Start.AddDays(1));

        Assert.Equal(2, result.Days.Count);
        Assert.Null(result.Days[0].Tsb);
        Assert.Equal(2.35283, result.Days[0].Ctl, 5);
        Assert.Equal(13.31221, result.Days[0].Atl, 5);
        Assert.Equal(0, result.Days[1].Load);
        Assert.Equal(-10.95938, result.Days[1].Tsb!.Value, 5);
        Assert.Equal(2.29747, result.Days[1].Ctl, 5);
        Assert.Equal(11.54006, result.Days[1].Atl, 5);
        Assert.Equal(AnalyticStatus.InsufficientData, result.Status); // ratios need 28 days
    }

    [Fact]
    public void AConstantLoadMatchesTheClosedFormOfTheEwmaRatio()
    {
        // From 0, an EWMA of a constant L after n days is L · (1 − (1 − λ)^n). With λ = 2/8 and 2/29 and n = 28:
        // ratio = (1 − 0.75^28) / (1 − (27/29)^28); the rolling 7/28 ratio of a constant load is exactly 1.
        var loads = Enumerable.Range(0, 28).Select(d => new DailyValue(Start.AddDays(d), 50)).ToList();
        var expected = (1 - Math.Pow(0.75, 28)) / (1 - Math.Pow(27.0 / 29, 28));

        var today = LoadModel.Compute(loads, Start.AddDays(27)).Days[^1];

        Assert.Equal(expected, today.AcwrEwma!.Value, 10);
        Assert.Equal(1.0, today.AcwrRolling!.Value, 10);
        Assert.Equal("moderate", today.AcwrZone);
        Assert.Null(today.Monotony); // seven equal days: SD 0, monotony undefined, not infinite
    }

    [Fact]
    public void MonotonyAndStrainByHand()
    {
        // Week 10, 20, ..., 70: mean 40; sample SD = sqrt((900 + 400 + 100 + 0 + 100 + 400 + 900) / 6) = sqrt(466.67) = 21.60247;
        // monotony = 40 / 21.60247 = 1.851640; strain = 280 · 1.851640 = 518.4592.
        var loads = Enumerable.Range(0, 7).Select(d => new DailyValue(Start.AddDays(d), 10 * (d + 1)));

        var today = LoadModel.Compute(loads, Start.AddDays(6)).Days[^1];

        Assert.Equal(1.851640, today.Monotony!.Value, 5);
        Assert.Equal(518.4592, today.Strain!.Value, 3);
    }

    [Fact]
    public void AHardWeekAfterThreeEasyOnesIsASpikeAndSaysItIsAHeuristic()
    {
        // 21 days of 50 then 7 of 150: rolling = 150 / ((21 · 50 + 7 · 150) / 28) = 150 / 75 = 2.0.
        var loads = Enumerable.Range(0, 28).Select(d => new DailyValue(Start.AddDays(d), d < 21 ? 50 : 150));

        var result = LoadModel.Compute(loads, Start.AddDays(27));

        Assert.Equal(2.0, result.Days[^1].AcwrRolling!.Value, 10);
        Assert.True(result.Days[^1].AcwrEwma > 1.5);
        Assert.Equal("spike", result.Days[^1].AcwrZone);
        Assert.StartsWith("Heuristic, not a prediction", result.InjuryRiskHeuristic);
    }

    [Fact]
    public void DaysWithoutExerciseAreZeroLoadAndSessionsOnOneDayAddUp()
    {
        DailyValue[] loads = [new(Start, 30), new(Start, 20), new(Start.AddDays(3), 10)];

        var days = LoadModel.Compute(loads, Start.AddDays(3)).Days;

        Assert.Equal([50.0, 0, 0, 10], days.Select(d => d.Load));
    }

    [Fact]
    public void ShowingOnlyTheLastDaysChangesNoneOfThem()
    {
        // The averages run over all 400 days either way; only the listed days differ. Loads vary day to day (a fixed
        // seed), with rest days, so every figure of a day is exercised.
        var random = new Random(16);
        var loads = Enumerable.Range(0, 400).Where(_ => random.Next(4) > 0)
            .Select(d => new DailyValue(Start.AddDays(d), random.Next(20, 200))).ToList();
        var asOf = Start.AddDays(399);

        var all = LoadModel.Compute(loads, asOf);
        var shown = LoadModel.Compute(loads, asOf, shownFrom: asOf.AddDays(-41));

        Assert.Equal(all.Days.Where(d => d.Date >= asOf.AddDays(-41)), shown.Days);
        Assert.Equal(42, shown.Days.Count);
        Assert.Equal((all.Status, all.DaysUsed, all.InjuryRiskHeuristic),
            (shown.Status, shown.DaysUsed, shown.InjuryRiskHeuristic));
        Assert.Equal(asOf.DayNumber - loads[0].Date.DayNumber + 1, shown.DaysUsed); // from the first day with a load
    }

    [Fact]
    public void NoLoadAtAllIsInsufficient()
    {
        var result = LoadModel.Compute([], Start);

        Assert.Equal(AnalyticStatus.InsufficientData, result.Status);
        Assert.Empty(result.Days);
    }

    [Theory]
    [InlineData(0.79, "low")]
    [InlineData(0.8, "moderate")]
    [InlineData(1.3, "moderate")]
    [InlineData(1.31, "high")]
    [InlineData(1.5, "high")]
    [InlineData(1.51, "spike")]
    public void AcwrZones(double ratio, string zone) => Assert.Equal(zone, LoadModel.Zone(ratio));
}
