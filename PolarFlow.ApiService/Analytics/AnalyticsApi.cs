using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PolarFlow.Analytics.Anomalies;
using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.TrainingLoad;
using PolarFlow.ApiService.Common;
using PolarFlow.Analytics.Views;

namespace PolarFlow.ApiService.Analytics;

public static class AnalyticsApi
{
    private const string Options = " Options: `as_of` (YYYY-MM-DD, default the user's local today), `swc_multiplier` (0.5 or 1.0), "
        + "`sleep_need_minutes` (default Polar's sleep goal, else 480), `weekend_days` (default `sat,sun`). Cached until the user's data changes.";

    public static RouteGroupBuilder MapAnalyticsApi(this RouteGroupBuilder user)
    {
        var analytics = user.MapGroup("/analytics");
        Map<HrvView>(analytics, "hrv", 30, (d, a, q) => AnalyticsViews.Hrv(d, a, q.Days, q.Parameters),
            "lnRMSSD, the 7-day baseline (3 of 7 nights), the 60-day normal range, status, acute low, CV7, 14-day trend; `days` of series (default 30).");
        Map<ReadinessView>(analytics, "readiness", 30, (d, a, q) => AnalyticsViews.Readiness(d, a, q.Days, q.Parameters),
            "The transparent readiness score with every component's z, baseline and weight, Polar's ANS charge beside it; `days` of series (default 30).");
        Map<SleepView>(analytics, "sleep", 30, (d, a, q) => AnalyticsViews.Sleep(d, a, q.Days, q.Parameters),
            "Sleep need and the 14-night weighted debt, 7/14-night shortfalls, Sleep Regularity Index, midpoint variability, social jet lag; `days` of series.");
        Map<TrainingLoadReport.Result>(analytics, "training-load", 42, (d, a, q) => TrainingLoadReport.Compute(d, a, q.Days),
            "Daily load and TRIMP, CTL/ATL/TSB, EWMA and rolling ACWR with zones, monotony and strain, Polar's own status beside them; `days` (default 42).");
        Map<EarlyWarning.Result>(analytics, "early-warning", 30, (d, a, q) => EarlyWarning.Compute(d.Nights, a, q.Days, q.Parameters.SwcMultiplier),
            "NightSignal-style resting-HR alerts (yellow +3, red +4 bpm on two nights) with the HRV and breathing extensions; `days` (default 30).");
        Map<RobustAnomalies.Result>(analytics, "anomalies", 30, (d, a, q) => RobustAnomalies.Compute(d, a, q.Days),
            "Days where a daily metric's robust z against the 60 days before passes 3.5; `days` (default 30).");
        Map<InsightsView>(analytics, "insights", 180, (d, a, q) => AnalyticsViews.Insights(d, a, q.Parameters),
            "Plain-language observations with their evidence, and the significant personal drivers (Spearman, lags 0-2, n ≥ 30, BH q ≤ 0.1, 180 days).");
        Map<SummaryView>(analytics, "summary", 1, (d, a, q) => AnalyticsViews.Summary(d, a, q.Parameters),
            "For dashboards: today's readiness, HRV status, sleep debt, load status, the active warning and today's anomalies in one call.");
        return user;
    }

    private static void Map<T>(RouteGroupBuilder group, string analytic, int defaultDays, Func<AthleteData, DateOnly, AnalyticsQuery, T> compute, string summary) =>
        group.MapGet("/" + analytic, async Task<Results<ContentHttpResult, ProblemHttpResult>> (string userId,
            [AsParameters] AnalyticsQueryString options, HttpResponse response, AnalyticsService service, TimeProvider time, CancellationToken ct) =>
        {
            var utcToday = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
            if (!AnalyticsQuery.TryCreate(options, defaultDays, utcToday, out var query, out var problem)) return problem!;
            var outcome = await service.GetAsync(userId, analytic, query, (data, asOf) => compute(data, asOf, query), ct);
            if (!outcome.UserExists) return Problems.UnknownUser(userId);
            response.Headers["X-Cache"] = outcome.Cached ? "hit" : "miss";
            return TypedResults.Content(outcome.Json, "application/json");
        })
        .WithName("GetAnalytics" + string.Concat(analytic.Split('-').Select(w => char.ToUpperInvariant(w[0]) + w[1..])))
        .WithSummary($"Get the {analytic.Replace('-', ' ')} analytics")
        .WithDescription(summary + Options)
        .Produces<AnalyticsResponse<T>>();
}
