using PolarFlow.Analytics.Anomalies;
using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Insights;
using PolarFlow.Analytics.TrainingLoad;

namespace PolarFlow.Tests.Analytics;

/// <summary>Robust anomalies, TRIMP and the personal drivers' statistics, by hand or by an independent method (§4, §5).</summary>
public sealed class AnomalyAndDriverTests
{
    private static readonly DateOnly First = new(2026, 9, 1);

    [Theory]
    // Reference 10 and 12 alternating (20 days): median 11, deviations all 1, MAD 1.
    // 16: z = 0.6745 · 5 / 1 = 3.3725, not flagged; 17: z = 4.047 → high; 5: z = −4.047 → low.
    [InlineData(16, null)]
    [InlineData(17, "high")]
    [InlineData(5, "low")]
    public void TheModifiedZScoreFlagsBeyondThreePointFive(double today, string? expected)
    {
        var steps = Enumerable.Range(0, 20).Select(i => new DailyValue(First.AddDays(i), i % 2 == 0 ? 10 : 12)).Append(new DailyValue(First.AddDays(20), today)).ToList();

        var result = RobustAnomalies.Compute(AthleteData.Empty with { Steps = steps }, First.AddDays(20), days: 1);

        Assert.Equal(AnalyticStatus.Ok, result.Status);
        Assert.Equal(expected, result.Anomalies.SingleOrDefault()?.Direction);
        Assert.Equal(0.6745 * (today - 11), Stats.RobustZ(today, steps.Take(20).Select(s => s.Value).ToArray())!.Value, 10);
    }

    [Fact]
    public void AReferenceWithoutSpreadJudgesNothing()
    {
        var steps = Enumerable.Range(0, 20).Select(i => new DailyValue(First.AddDays(i), 8000)).Append(new DailyValue(First.AddDays(20), 20000)).ToList();

        var result = RobustAnomalies.Compute(AthleteData.Empty with { Steps = steps }, First.AddDays(20), days: 1);

        Assert.Empty(result.Anomalies);
        Assert.Equal(1, result.Metrics.Single(m => m.Metric == "steps").DaysWithoutScale);
        Assert.Equal(AnalyticStatus.InsufficientData, result.Status);
    }

    [Fact]
    public void BanisterTrimpByHand()
    {
        // 60 min at 150 bpm, rest 50, max 190: ΔHR = 100/140 = 0.714286.
        // Men: 60 · 0.714286 · 0.64 · e^(1.92 · 0.714286) = 108.0954; women: 60 · 0.714286 · 0.86 · e^(1.67 · 0.714286) = 121.4991.
        Assert.Equal(108.0954, Trimp.Banister(TimeSpan.FromHours(1), 150, 50, 190, "MALE")!.Value, 4);
        Assert.Equal(121.4991, Trimp.Banister(TimeSpan.FromHours(1), 150, 50, 190, "FEMALE")!.Value, 4);
        Assert.Null(Trimp.Banister(TimeSpan.FromHours(1), 150, 50, null, "MALE")); // no HRmax, no TRIMP
    }

    [Fact]
    public void TrainingLoadSaysWhyThereIsNoTrimpWithoutMaxHr()
    {
        var data = AthleteData.Empty with { Sessions = [new SessionRecord(First, 80, TimeSpan.FromHours(1), 150)] };

        var result = TrainingLoadReport.Compute(data, First, days: 1);

        Assert.Null(result.Today!.Trimp);
        Assert.Contains("max HR", result.TrimpMissing);
        Assert.Equal(80, result.Today.Load);
    }

    [Fact]
    public void BenjaminiHochbergByHand()
    {
        // Sorted p: 0.01, 0.03, 0.04, 0.2 (m = 4). p·m/rank: 0.04, 0.06, 0.05333, 0.2; running minimum from the top:
        // 0.2, 0.05333, min(0.06, 0.05333) = 0.05333, 0.04. Back in input order:
        var q = Stats.BenjaminiHochberg([0.01, 0.04, 0.03, 0.2]);

        Assert.Equal([0.04, 0.053333, 0.053333, 0.2], q.Select(x => Math.Round(x, 6)));
    }

    [Fact]
    public void ThePValueMatchesStudentsTByNumericalIntegration()
    {
        // ρ = 0.5, n = 30: t = 0.5 · sqrt(28 / 0.75) = 3.05505; two-sided p by Simpson integration of the t density
        // (df 28, 200,000 steps, done outside .NET) = 0.0048999.
        Assert.Equal(0.0048999, PersonalDrivers.PValue(0.5, 30), 6);
    }

    [Fact]
    public void AMonotoneEffectOfLoadOnNextNightsHrvIsASignificantDriver()
    {
        // 40 days: load rises 10, 20, ..., 400 (shuffled in time), and the next night's RMSSD falls strictly with it,
        // so Spearman's ρ at lag 0 is exactly −1 (ranks reversed). Resting HR and the other lags carry no pattern.
        var order = Enumerable.Range(0, 40).OrderBy(i => (i * 17) % 40).ToArray();
        var sessions = order.Select((rank, day) => new SessionRecord(First.AddDays(day), 10.0 * (rank + 1), TimeSpan.FromHours(1), 140)).ToList();
        var nights = order.Select((rank, day) => new NightRecord(First.AddDays(day + 1), 100 - rank, 50, null, null)).ToList();

        var result = PersonalDrivers.Compute(AthleteData.Empty with { Sessions = sessions, Nights = nights }, First.AddDays(40), days: 41);

        var driver = result.Significant.First();
        Assert.Equal(("training_load", "ln_rmssd", 0), (driver.Behaviour, driver.Outcome, driver.Lag));
        Assert.Equal(-1, driver.Rho, 10);
        Assert.Equal(40, driver.N);
        Assert.DoesNotContain(result.Significant, d => d.Outcome == "resting_hr"); // constant: no ranks, not tested
    }

    [Fact]
    public void FewerThanThirtyPairsTestNothing()
    {
        var sessions = Enumerable.Range(0, 29).Select(d => new SessionRecord(First.AddDays(d), d, null, null)).ToList();
        var nights = Enumerable.Range(1, 29).Select(d => new NightRecord(First.AddDays(d), 100 - d, 50 + d, null, null)).ToList();

        var result = PersonalDrivers.Compute(AthleteData.Empty with { Sessions = sessions, Nights = nights }, First.AddDays(29), days: 30);

        Assert.Equal(AnalyticStatus.InsufficientData, result.Status);
        Assert.Empty(result.Significant);
    }
}
