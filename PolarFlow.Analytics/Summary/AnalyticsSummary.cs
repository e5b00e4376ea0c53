using PolarFlow.Analytics.Anomalies;
using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Hrv;
using PolarFlow.Analytics.Readiness;
using PolarFlow.Analytics.Sleep;
using PolarFlow.Analytics.TrainingLoad;

namespace PolarFlow.Analytics.Summary;

/// <summary>Everything as of one day, computed once: what the summary, the insights and dashboards read.</summary>
public sealed record AnalyticsSummary(
    DateOnly AsOf, HrvBaseline.Result Hrv, ReadinessScore.Result Readiness, SleepDebt.Result SleepDebt,
    TrainingLoadReport.Result TrainingLoad, EarlyWarning.Result EarlyWarning, IReadOnlyList<RobustAnomalies.Anomaly> AnomaliesToday)
{
    public static AnalyticsSummary Compute(AthleteData data, DateOnly asOf, AnalyticsParameters parameters)
    {
        var hrv = HrvBaseline.Compute(AthleteData.Rmssd(data.Nights), asOf, parameters.SwcMultiplier);
        var readiness = ReadinessScore.Compute(data, asOf, parameters.SleepNeedMinutes);
        var debt = Sleep.SleepDebt.Compute(data.Sleeps, asOf, data.Profile.SleepGoalMinutes, parameters.SleepNeedMinutes);
        var load = TrainingLoadReport.Compute(data, asOf, days: 1);
        var warning = Anomalies.EarlyWarning.Compute(data.Nights, asOf, days: 7, parameters.SwcMultiplier);
        var anomalies = RobustAnomalies.Compute(data, asOf, days: 1).Anomalies;
        return new AnalyticsSummary(asOf, hrv, readiness, debt, load, warning, anomalies);
    }
}
