using PolarFlow.Analytics.Anomalies;
using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Hrv;
using PolarFlow.Analytics.Insights;
using PolarFlow.Analytics.Readiness;
using PolarFlow.Analytics.Sleep;
using PolarFlow.Analytics.Summary;
using PolarFlow.Analytics.TrainingLoad;
using PolarFlow.Analytics.Views;

namespace PolarFlow.ApiService.Analytics;

/// <summary>Computes what each endpoint answers (the records are in PolarFlow.Analytics.Views, which the web reads too).</summary>
public static class AnalyticsViews
{
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
