using PolarFlow.Analytics.Anomalies;
using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.TrainingLoad;
using PolarFlow.Analytics.Views;

namespace PolarFlow.ApiService.Analytics;

/// <summary>
/// Every analytic PolarFlow serves: its name, default series length, what it computes and how. The REST routes and
/// the MCP tools both serve these, through <see cref="AnalyticsService"/>, so they answer the same numbers from the
/// same cache.
/// </summary>
public static class AnalyticsCatalog
{
    public sealed record Definition(string Name, int DefaultDays, string Description, Type ResultType,
        Func<AthleteData, DateOnly, AnalyticsQuery, object> Compute);

    public static readonly IReadOnlyList<Definition> All =
    [
        Define<HrvView>("hrv", 30, (d, a, q) => AnalyticsViews.Hrv(d, a, q.Days, q.Parameters),
            "lnRMSSD, the 7-day baseline (3 of 7 nights), the 60-day normal range, status, acute low, CV7, 14-day "
            + "trend; `days` of series (default 30)."),
        Define<ReadinessView>("readiness", 30, (d, a, q) => AnalyticsViews.Readiness(d, a, q.Days, q.Parameters),
            "The transparent readiness score with every component's z, baseline and weight, Polar's ANS charge "
            + "beside it; `days` of series (default 30)."),
        Define<SleepView>("sleep", 30, (d, a, q) => AnalyticsViews.Sleep(d, a, q.Days, q.Parameters),
            "Sleep need and the 14-night weighted debt, 7/14-night shortfalls, Sleep Regularity Index, midpoint "
            + "variability, social jet lag; `days` of series."),
        Define<TrainingLoadReport.Result>("training-load", 42, (d, a, q) => TrainingLoadReport.Compute(d, a, q.Days),
            "Daily load and TRIMP, CTL/ATL/TSB, EWMA and rolling ACWR with zones, monotony and strain, Polar's "
            + "own status beside them; `days` (default 42)."),
        Define<EarlyWarning.Result>("early-warning", 30,
            (d, a, q) => EarlyWarning.Compute(d.Nights, a, q.Days, q.Parameters.SwcMultiplier),
            "NightSignal-style resting-HR alerts (yellow +3, red +4 bpm on two nights) with the HRV and breathing "
            + "extensions; `days` (default 30)."),
        Define<RobustAnomalies.Result>("anomalies", 30, (d, a, q) => RobustAnomalies.Compute(d, a, q.Days),
            "Days where a daily metric's robust z against the 60 days before passes 3.5; `days` (default 30)."),
        Define<InsightsView>("insights", 180, (d, a, q) => AnalyticsViews.Insights(d, a, q.Parameters),
            "Plain-language observations with their evidence, and the significant personal drivers (Spearman, "
            + "lags 0-2, n ≥ 30, BH q ≤ 0.1, 180 days)."),
        Define<SummaryView>("summary", 1, (d, a, q) => AnalyticsViews.Summary(d, a, q.Parameters),
            "For dashboards: today's readiness, HRV status, sleep debt, load status, the active warning and "
            + "today's anomalies in one call."),
    ];

    public static Definition Get(string name) => All.Single(d => d.Name == name);

    private static Definition Define<T>(string name, int defaultDays, Func<AthleteData, DateOnly, AnalyticsQuery, T> compute,
        string description) where T : notnull => new(name, defaultDays, description, typeof(T), (d, a, q) => compute(d, a, q));
}
