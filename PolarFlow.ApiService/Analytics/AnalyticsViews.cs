using PolarFlow.Analytics.Anomalies;
using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Hrv;
using PolarFlow.Analytics.Insights;
using PolarFlow.Analytics.Readiness;
using PolarFlow.Analytics.Sleep;
using PolarFlow.Analytics.Summary;
using PolarFlow.Analytics.TrainingLoad;

namespace PolarFlow.ApiService.Analytics;

/// <summary>What each endpoint answers: the library's result as of the day, and for series one row per day.</summary>
public static class AnalyticsViews
{
    public sealed record HrvDay(DateOnly Date, double? LnRmssd, double? Baseline7, double? RangeLow, double? RangeHigh, string? Status, bool AcuteLow);
    public sealed record HrvView(HrvBaseline.Result Today, IReadOnlyList<HrvDay> Series);

    public sealed record ReadinessDay(DateOnly Date, double? Score, string? Band, double? PolarAnsCharge);
    public sealed record ReadinessView(ReadinessScore.Result Today, IReadOnlyList<ReadinessDay> Series);

    public sealed record SleepDay(DateOnly Date, double? TotalSleepMinutes, double? WeightedDebtMinutes);
    public sealed record SleepView(SleepDebt.Result Debt, SleepRegularity.Result Regularity, IReadOnlyList<SleepDay> Series);

    public sealed record InsightsView(IReadOnlyList<Insight> Insights, PersonalDrivers.Result Drivers);

    public sealed record SummaryReadiness(AnalyticStatus Status, double? Score, string? Band, double? PolarAnsCharge, string? Missing);
    public sealed record SummaryHrv(AnalyticStatus Status, string? BaselineStatus, double? Baseline7, double? RangeLow, double? RangeHigh, bool AcuteLow, string? Missing);
    public sealed record SummarySleep(AnalyticStatus Status, double? WeightedDebtMinutes, double NeedMinutes, double? Shortfall7Minutes, string? Missing);
    public sealed record SummaryLoad(AnalyticStatus Status, double? Ctl, double? Atl, double? Tsb, double? AcwrEwma, string? AcwrZone, string InjuryRiskHeuristic,
        string? PolarStatus, string? Missing);
    public sealed record SummaryView(SummaryReadiness Readiness, SummaryHrv Hrv, SummarySleep SleepDebt, SummaryLoad TrainingLoad,
        EarlyWarning.Alert? ActiveWarning, IReadOnlyList<RobustAnomalies.Anomaly> AnomaliesToday);

    public static HrvView Hrv(AthleteData data, DateOnly asOf, int days, AnalyticsParameters p)
    {
        var rmssd = AthleteData.Rmssd(data.Nights);
        var series = Days(asOf, days).Select(d => HrvBaseline.Compute(rmssd, d, p.SwcMultiplier))
            .Select(r => new HrvDay(r.AsOf, r.LnRmssdToday, r.Baseline7, r.RangeLow, r.RangeHigh, r.BaselineStatus, r.AcuteLow)).ToList();
        return new HrvView(HrvBaseline.Compute(rmssd, asOf, p.SwcMultiplier), series);
    }

    public static ReadinessView Readiness(AthleteData data, DateOnly asOf, int days, AnalyticsParameters p)
    {
        var series = Days(asOf, days).Select(d => ReadinessScore.Compute(data, d, p.SleepNeedMinutes))
            .Select(r => new ReadinessDay(r.AsOf, r.Score, r.Band, r.PolarAnsCharge)).ToList();
        return new ReadinessView(ReadinessScore.Compute(data, asOf, p.SleepNeedMinutes), series);
    }

    public static SleepView Sleep(AthleteData data, DateOnly asOf, int days, AnalyticsParameters p)
    {
        var total = data.Sleeps.GroupBy(s => s.Date).ToDictionary(g => g.Key, g => g.Last().TotalSleepMinutes);
        var series = Days(asOf, days).Select(d => new SleepDay(d, total.GetValueOrDefault(d),
            SleepDebt.Compute(data.Sleeps, d, data.Profile.SleepGoalMinutes, p.SleepNeedMinutes).WeightedDebtMinutes)).ToList();
        return new SleepView(SleepDebt.Compute(data.Sleeps, asOf, data.Profile.SleepGoalMinutes, p.SleepNeedMinutes),
            SleepRegularity.Compute(data.Sleeps, asOf, SleepDebt.Nights, p.WeekendDays), series);
    }

    public static InsightsView Insights(AthleteData data, DateOnly asOf, AnalyticsParameters p)
    {
        var drivers = PersonalDrivers.Compute(data, asOf);
        return new InsightsView(InsightBuilder.Build(data, AnalyticsSummary.Compute(data, asOf, p), drivers, p), drivers);
    }

    public static SummaryView Summary(AthleteData data, DateOnly asOf, AnalyticsParameters p)
    {
        var s = AnalyticsSummary.Compute(data, asOf, p);
        var load = s.TrainingLoad.Today;
        return new SummaryView(
            new SummaryReadiness(s.Readiness.Status, s.Readiness.Score, s.Readiness.Band, s.Readiness.PolarAnsCharge, s.Readiness.Missing),
            new SummaryHrv(s.Hrv.Status, s.Hrv.BaselineStatus, s.Hrv.Baseline7, s.Hrv.RangeLow, s.Hrv.RangeHigh, s.Hrv.AcuteLow, s.Hrv.Missing),
            new SummarySleep(s.SleepDebt.Status, s.SleepDebt.WeightedDebtMinutes, s.SleepDebt.NeedMinutes, s.SleepDebt.Shortfall7Minutes, s.SleepDebt.Missing),
            new SummaryLoad(s.TrainingLoad.Status, load?.Ctl, load?.Atl, load?.Tsb, load?.AcwrEwma, load?.AcwrZone, s.TrainingLoad.InjuryRiskHeuristic,
                load?.Polar?.Status, s.TrainingLoad.Missing),
            s.EarlyWarning.Active, s.AnomaliesToday);
    }

    private static IEnumerable<DateOnly> Days(DateOnly asOf, int days) => Enumerable.Range(0, days).Select(i => asOf.AddDays(-days + 1 + i));
}
