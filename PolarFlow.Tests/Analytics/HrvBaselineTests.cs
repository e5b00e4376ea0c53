using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Hrv;

namespace PolarFlow.Tests.Analytics;

/// <summary>Expected values are worked out by hand in the comments (analytics-methods.md §1).</summary>
public sealed class HrvBaselineTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 28);

    private static IEnumerable<DailyValue> Ln(params (int DaysAgo, double X)[] values) =>
        values.Select(v => new DailyValue(AsOf.AddDays(-v.DaysAgo), Math.Exp(v.X)));

    [Fact]
    public void ThreeNightsGiveTheBaselineAndCv7()
    {
        // x = 3.0, 3.2, 3.4 → B7 = 3.2; sample SD = sqrt((0.04 + 0 + 0.04) / 2) = 0.2; CV7 = 0.2 / 3.2 · 100 = 6.25.
        var result = HrvBaseline.Compute(Ln((2, 3.0), (1, 3.2), (0, 3.4)), AsOf);

        Assert.Equal(3.2, result.Baseline7!.Value, 10);
        Assert.Equal(6.25, result.Cv7!.Value, 10);
        Assert.Equal(3.4, result.LnRmssdToday!.Value, 10);
        Assert.Equal(AnalyticStatus.InsufficientData, result.Status); // no 60-day range yet, and it says so
        Assert.Contains("normal range", result.Missing);
    }

    [Fact]
    public void EveryValidNightCountsButOnlyTheLast61AreUsed()
    {
        // 100 nights, today back to 99 days ago, plus a zero (not valid) and a night after today (not yet). The range
        // reads 60 days before today and today: 61 used; all 100 are valid. x alternates 3.0 / 3.4 from 60 days back,
        // so the older nights (x = 9, far outside) would move the range if they were read: mean60 stays 3.2.
        var values = Enumerable.Range(0, 100).Select(d => (d, d > 60 ? 9.0 : d % 2 == 0 ? 3.0 : 3.4))
            .Select(v => new DailyValue(AsOf.AddDays(-v.d), Math.Exp(v.Item2)))
            .Append(new DailyValue(AsOf.AddDays(-100), 0)).Append(new DailyValue(AsOf.AddDays(1), 50));

        var result = HrvBaseline.Compute(values, AsOf);

        Assert.Equal((61, 100), (result.DaysUsed, result.DaysValid));
        Assert.Equal(3.2, (result.RangeLow!.Value + result.RangeHigh!.Value) / 2, 10);
    }

    [Fact]
    public void TwoNightsInTheLastSevenAreNotABaseline()
    {
        var result = HrvBaseline.Compute(Ln((5, 3.0), (1, 3.2), (9, 3.1)), AsOf);

        Assert.Equal(AnalyticStatus.InsufficientData, result.Status);
        Assert.Null(result.Baseline7);
        Assert.Contains("3 of the last 7 days", result.Missing);
    }

    [Fact]
    public void TheNormalRangeStatusAndAcuteLowByHand()
    {
        // Days 60..7 ago: 27 nights x = 3.0 and 27 nights x = 3.4 (alternating); days 6..0 ago: x = 2.9.
        // The range uses the 60 days before today (60..1 ago): 27 × 3.0, 27 × 3.4, 6 × 2.9.
        //   mean = (81 + 91.8 + 17.4) / 60 = 3.17
        //   squared deviations: 27 · 0.17² = 0.7803, 27 · 0.23² = 1.4283, 6 · 0.27² = 0.4374; sum 2.646
        //   sample SD = sqrt(2.646 / 59) = 0.2117723...; half-width 0.5 · SD = 0.1058862
        //   range = [3.0641138, 3.2758862]; B7 = 2.9 → below; today 2.9 < 3.064 → acute low; CV7 = 0 (all equal).
        var values = Enumerable.Range(7, 54).Select(d => (d, d % 2 == 0 ? 3.0 : 3.4)).Concat(Enumerable.Range(0, 7).Select(d => (d, 2.9))).ToArray();

        var result = HrvBaseline.Compute(Ln(values), AsOf);

        Assert.Equal(AnalyticStatus.Ok, result.Status);
        Assert.Equal(3.0641138, result.RangeLow!.Value, 6);
        Assert.Equal(3.2758862, result.RangeHigh!.Value, 6);
        Assert.Equal("below", result.BaselineStatus);
        Assert.True(result.AcuteLow);
        Assert.Equal(0, result.Cv7!.Value, 10);
        Assert.Equal(61, result.DaysUsed);
    }

    [Fact]
    public void AllEqualNightsGiveAZeroWidthRangeAndAFlatTrend()
    {
        // RMSSD 50 every night: x = ln 50 everywhere, SD 0, the range collapses to ln 50, B7 sits within it.
        var result = HrvBaseline.Compute(Enumerable.Range(0, 70).Select(d => new DailyValue(AsOf.AddDays(-d), 50)), AsOf);

        Assert.Equal("within", result.BaselineStatus);
        Assert.Equal(Math.Log(50), result.RangeLow!.Value, 10);
        Assert.Equal(result.RangeLow!.Value, result.RangeHigh!.Value, 10); // SD of equal values: 0 up to rounding
        Assert.Equal(0, result.Trend14!.Value, 10);
        Assert.False(result.AcuteLow);
    }

    [Fact]
    public void TheTrendIsTheDailySlopeOfTheBaseline()
    {
        // x rises by 0.01 a night, so each 7-day mean B7(t) = x(t − 3): its slope is 0.01 per day.
        var values = Enumerable.Range(0, 30).Select(d => (d, 3.0 - 0.01 * d)).ToArray();

        Assert.Equal(0.01, HrvBaseline.Compute(Ln(values), AsOf).Trend14!.Value, 10);
    }

    [Fact]
    public void RollingMediansAndMadOfRawRmssd()
    {
        // Last 7 nights 40, 50, 60, 70, 80, 55, 45 → sorted 40 45 50 55 60 70 80: median 55;
        // |x − 55| = 15 5 5 15 25 0 10 → sorted 0 5 5 10 15 15 25: MAD 10.
        double[] raw = [40, 50, 60, 70, 80, 55, 45];
        var result = HrvBaseline.Compute(raw.Select((v, i) => new DailyValue(AsOf.AddDays(-i), v)), AsOf);

        var seven = result.Medians.Single(m => m.Days == 7);
        Assert.Equal(7, seven.Count);
        Assert.Equal(55, seven.Median);
        Assert.Equal(10, seven.Mad);
    }

    [Fact]
    public void NoNightsAtAllIsInsufficientNotAnError()
    {
        var result = HrvBaseline.Compute([], AsOf);

        Assert.Equal(AnalyticStatus.InsufficientData, result.Status);
        Assert.All(result.Medians, m => Assert.Equal(0, m.Count));
        Assert.Throws<ArgumentOutOfRangeException>(() => HrvBaseline.Compute([], AsOf, swcMultiplier: 0.7));
    }
}
