using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Sleep;

namespace PolarFlow.Tests.Analytics;

/// <summary>Expected values worked out by hand in the comments (analytics-methods.md §3; Phillips et al. 2017).</summary>
public sealed class SleepRegularityTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly TimeSpan Offset = TimeSpan.FromHours(2);

    /// <summary>A night waking on <paramref name="date"/>, asleep without a break from bed to wake (local clock hours).</summary>
    private static SleepRecord Night(DateOnly date, double bedHour, double wakeHour)
    {
        var start = date.AddDays(-1).ToDateTime(TimeOnly.MinValue).AddHours(bedHour);
        var end = date.ToDateTime(TimeOnly.MinValue).AddHours(wakeHour);
        return new SleepRecord(date, new DateTimeOffset(start, Offset), new DateTimeOffset(end, Offset), (end - start).TotalMinutes, null, null, [(start, end)]);
    }

    [Fact]
    public void IdenticalNightsAreFullyRegular()
    {
        // Every epoch has the same state 24 h later: P = 1, SRI = 200 · 1 − 100 = 100. Midpoint 03:00 every night: SD 0.
        var result = SleepRegularity.Compute(Enumerable.Range(0, 7).Select(i => Night(Monday.AddDays(i), 23, 7)), Monday.AddDays(6));

        Assert.Equal(100, result.Sri!.Value, 10);
        Assert.Equal(7, result.SriNights);
        Assert.Equal("03:00", result.MidpointMeanClock);
        Assert.Equal(0, result.MidpointSdMinutes!.Value, 10);
    }

    [Fact]
    public void AlternatingBedtimesOneHourApartByHand()
    {
        // 23-07 and 00-08 alternate over 7 nights (4 and 3). Each of the 6 day pairs differs for 1 h at bed and 1 h at
        // wake: 240 of 2,880 epochs, so P = 2640/2880 = 0.916667 and SRI = 83.3333.
        // Midpoints (minutes from noon): 900 (03:00) four times, 960 (04:00) three times; mean 6480/7 = 925.7143;
        // sample SD = sqrt((4 · 25.7143² + 3 · 34.2857²) / 6) = 32.0713.
        var nights = Enumerable.Range(0, 7).Select(i => i % 2 == 0 ? Night(Monday.AddDays(i), 23, 7) : Night(Monday.AddDays(i), 24, 8)).ToList();

        var result = SleepRegularity.Compute(nights, Monday.AddDays(6));

        Assert.Equal(83.3333, result.Sri!.Value, 4);
        Assert.Equal(925.7143, result.MidpointMeanMinutes!.Value, 4);
        Assert.Equal(32.0713, result.MidpointSdMinutes!.Value, 4);
        Assert.Equal(AnalyticStatus.Ok, result.Status);
    }

    [Fact]
    public void SocialJetLagIsTheMidpointGapBetweenFreeAndWorkNights()
    {
        // 14 nights from a Monday: nights ending on Saturday or Sunday (4) sleep 01-09 (midpoint 05:00, 1020 min from
        // noon), the other 10 sleep 23-07 (03:00, 900 min): |1020 − 900| = 120.
        var nights = Enumerable.Range(0, 14).Select(i => Monday.AddDays(i))
            .Select(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? Night(d, 25, 9) : Night(d, 23, 7)).ToList();

        var result = SleepRegularity.Compute(nights, Monday.AddDays(13));
        var shifted = SleepRegularity.Compute(nights, Monday.AddDays(13), weekendDays: [DayOfWeek.Friday, DayOfWeek.Saturday]);

        Assert.Equal(120, result.SocialJetLagMinutes!.Value, 10);
        Assert.Equal((4, 10), (result.FreeNights, result.WorkNights));
        // Friday and Saturday as the weekend: free nights are 2 late (Sat) and 2 regular (Fri): mean 960 against work
        // nights 2 late (Sun) and 8 regular: mean (2 · 1020 + 8 · 900) / 10 = 924 → 36.
        Assert.Equal(36, shifted.SocialJetLagMinutes!.Value, 10);
    }

    [Fact]
    public void SixConsecutiveNightsAreNotEnoughForTheSri()
    {
        // Nights 0-5 and 7-12: the latest unbroken run has 6 nights.
        var nights = Enumerable.Range(0, 13).Where(i => i != 6).Select(i => Night(Monday.AddDays(i), 23, 7)).ToList();

        var result = SleepRegularity.Compute(nights, Monday.AddDays(12));

        Assert.Null(result.Sri);
        Assert.Equal(6, result.SriNights);
        Assert.Equal(AnalyticStatus.InsufficientData, result.Status);
        Assert.Contains("7 consecutive nights", result.Missing);
        Assert.NotNull(result.MidpointSdMinutes); // 12 nights with times still give the midpoint variability
    }

    [Fact]
    public void HypnogramChangePointsInAnyOrderBecomeAsleepIntervals()
    {
        // jsonb sorts keys, so after-midnight points come first. Start 23:10:20, light sleep at 23:10 (clamped to the
        // start), awake 01:00-01:20, deep 01:20, awake from 06:50 to the end at 07:00.
        var start = new DateTime(2026, 11, 27, 23, 10, 20);
        var points = new[] { (new TimeOnly(1, 0), 0), (new TimeOnly(1, 20), 4), (new TimeOnly(6, 50), 0), (new TimeOnly(23, 10), 2) };

        var asleep = Hypnogram.AsleepIntervals(start, new DateTime(2026, 11, 28, 7, 0, 0), points);

        Assert.Equal([(start, new DateTime(2026, 11, 28, 1, 0, 0)), (new DateTime(2026, 11, 28, 1, 20, 0), new DateTime(2026, 11, 28, 6, 50, 0))], asleep);
    }
}
