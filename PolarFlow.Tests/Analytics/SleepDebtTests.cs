using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Sleep;

namespace PolarFlow.Tests.Analytics;

/// <summary>Expected values worked out by hand in the comments (analytics-methods.md §3).</summary>
public sealed class SleepDebtTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);

    internal static SleepRecord Night(DateOnly date, double totalMinutes, int? goalMinutes = null) =>
        new(date, null, null, totalMinutes, null, goalMinutes, null);

    [Fact]
    public void TheWeightsFollowTheFormulaAndSumToOne()
    {
        // Σ_{j=0..12} 0.8^j = (1 − 0.8^13) / 0.2 = 4.7251221; w_1 = 0.85 / 4.7251221 = 0.1798895; w_2 = 0.8 · w_1.
        Assert.Equal(0.15, SleepDebt.Weights[0], 12);
        Assert.Equal(0.1798895, SleepDebt.Weights[1], 7);
        Assert.Equal(0.8 * SleepDebt.Weights[1], SleepDebt.Weights[2], 12);
        Assert.Equal(14, SleepDebt.Weights.Count);
        Assert.Equal(1, SleepDebt.Weights.Sum(), 12);
    }

    [Fact]
    public void MissingNightsAreSkippedNotCountedAsNoSleep()
    {
        // Need 480. Tonight 420 (short 60), last night 480 (0), nights 2-6 ago 450 (30 each), nights 7-13 missing.
        // Debt = 0.15 · 60 + 30 · (w_2 + ... + w_6) = 9 + 30 · 0.85 · (0.8 + 0.64 + 0.512 + 0.4096 + 0.32768) / 4.7251221
        //      = 9 + 14.5132 = 23.5132. Plain sums: 7 nights 60 + 150 = 210; 14 nights the same (the rest are missing).
        var nights = new List<SleepRecord> { Night(AsOf, 420), Night(AsOf.AddDays(-1), 480) };
        nights.AddRange(Enumerable.Range(2, 5).Select(i => Night(AsOf.AddDays(-i), 450)));

        var result = SleepDebt.Compute(nights, AsOf);

        Assert.Equal(AnalyticStatus.Ok, result.Status);
        Assert.Equal(480, result.NeedMinutes);
        Assert.Equal("default", result.NeedSource);
        Assert.Equal(23.5132, result.WeightedDebtMinutes!.Value, 4);
        Assert.Equal(210, result.Shortfall7Minutes);
        Assert.Equal(210, result.Shortfall14Minutes);
        Assert.Equal(7, result.NightsMissing);
    }

    [Fact]
    public void TheNeedComesFromTheOverrideThenPolarsSleepGoalThenThePhysicalInfo()
    {
        // 7 nights of 450 min. Goal 420 (Polar): no shortfall, debt 0. Override 510: shortfall 60 every night, and as
        // the 7 present weights are w_0..w_6 = 0.15 + 0.85 · (1 + 0.8 + ... + 0.8^5) / 4.7251221, debt = 60 · that.
        var nights = Enumerable.Range(0, 7).Select(i => Night(AsOf.AddDays(-i), 450, goalMinutes: i == 0 ? 420 : 400)).ToList();
        var present = 0.15 + 0.85 * Enumerable.Range(0, 6).Sum(j => Math.Pow(0.8, j)) / 4.7251221;

        var polarGoal = SleepDebt.Compute(nights, AsOf, profileGoalMinutes: 600);
        var overridden = SleepDebt.Compute(nights, AsOf, profileGoalMinutes: 600, needOverrideMinutes: 510);
        var profile = SleepDebt.Compute(nights.Select(n => n with { GoalMinutes = null }), AsOf, profileGoalMinutes: 470);

        Assert.Equal(("polar_sleep_goal", 420.0), (polarGoal.NeedSource, polarGoal.NeedMinutes));
        Assert.Equal(0, polarGoal.WeightedDebtMinutes);
        Assert.Equal(("request", 510.0), (overridden.NeedSource, overridden.NeedMinutes));
        Assert.Equal(60 * present, overridden.WeightedDebtMinutes!.Value, 6);
        Assert.Equal(("physical_info_sleep_goal", 470.0), (profile.NeedSource, profile.NeedMinutes));
        Assert.Equal(20 * present, profile.WeightedDebtMinutes!.Value, 6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(6)]
    public void FewerThanSevenNightsIsInsufficientAndSaysSo(int count)
    {
        var result = SleepDebt.Compute(Enumerable.Range(0, count).Select(i => Night(AsOf.AddDays(-i * 2), 300)), AsOf);

        Assert.Equal(AnalyticStatus.InsufficientData, result.Status);
        Assert.Null(result.WeightedDebtMinutes);
        Assert.Contains("7 of the last 14 nights", result.Missing);
    }
}
