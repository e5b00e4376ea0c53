using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Hrv;
using PolarFlow.Analytics.Summary;

namespace PolarFlow.Analytics.Insights;

/// <summary>
/// Plain-language observations (analytics-methods.md §5), each built from a result above and carrying the numbers
/// it came from; a result with insufficient data says nothing. Thresholds are the methods' own: HRV status and
/// acute low (§1), readiness bands (§2), ACWR zones and monotony &gt; 2 (§4), NightSignal alerts, |z| &gt; 3.5 and
/// significant drivers (§5). Sleep debt is mentioned from <see cref="SleepDebtMinutes"/> of weighted debt up.
/// </summary>
public static class InsightBuilder
{
    public const double SleepDebtMinutes = 60;

    public static IReadOnlyList<Insight> Build(AthleteData data, AnalyticsSummary s, PersonalDrivers.Result drivers, AnalyticsParameters parameters)
    {
        var insights = new List<Insight>();
        var load = s.TrainingLoad.Today;

        if (s.EarlyWarning.Active is { } alert)
        {
            insights.Add(new("early_warning", alert.Level == "red" ? "warning" : "attention", alert.Message + " This pattern often comes before an illness; consider an easy day.",
                Evidence(("date", alert.Date), ("level", alert.Level), ("elevation_bpm", alert.Elevation), ("hrv_below_range", alert.HrvBelowRange), ("breathing_raised", alert.BreathingRaised))));
        }

        if (s.Hrv is { Status: AnalyticStatus.Ok, BaselineStatus: "below" or "above" } hrv)
        {
            var rmssd = AthleteData.Rmssd(data.Nights);
            var daysBelow = Enumerable.Range(0, 7).TakeWhile(i => HrvBaseline.Compute(rmssd, s.AsOf.AddDays(-i), parameters.SwcMultiplier).BaselineStatus == hrv.BaselineStatus).Count();
            var spike = load?.AcwrZone is "high" or "spike" ? $" while training load spiked (ACWR {load.AcwrEwma:F2})" : "";
            insights.Add(new("hrv_baseline", hrv.BaselineStatus == "below" ? "attention" : "info",
                $"HRV 7-day baseline {hrv.BaselineStatus} your normal range for {daysBelow} day{(daysBelow == 1 ? "" : "s")}{spike} (lnRMSSD {hrv.Baseline7:F2}; range {hrv.RangeLow:F2}-{hrv.RangeHigh:F2}).",
                Evidence(("baseline_7d", hrv.Baseline7), ("range_low", hrv.RangeLow), ("range_high", hrv.RangeHigh), ("days", daysBelow), ("acwr", load?.AcwrEwma))));
        }
        else if (s.Hrv is { AcuteLow: true } acute)
        {
            insights.Add(new("hrv_acute_low", "info", $"Last night's HRV (lnRMSSD {acute.LnRmssdToday:F2}) was below your normal range ({acute.RangeLow:F2}-{acute.RangeHigh:F2}); one night alone is common.",
                Evidence(("ln_rmssd", acute.LnRmssdToday), ("range_low", acute.RangeLow))));
        }

        if (s.Readiness is { Status: AnalyticStatus.Ok, Score: { } score } readiness && readiness.Band != "moderate")
        {
            var weakest = readiness.Components.Where(c => c.Score is not null).MinBy(c => c.Score)!;
            insights.Add(new("readiness", readiness.Band == "low" ? "attention" : "info",
                $"Readiness is {readiness.Band} ({score:F0}/100); the lowest part is {weakest.Name.Replace('_', ' ')} ({weakest.Score:F0}, z {weakest.Z:F1}).",
                Evidence(("score", score), ("band", readiness.Band), ("weakest", weakest.Name), ("weakest_z", weakest.Z))));
        }

        if (s.SleepDebt is { Status: AnalyticStatus.Ok, WeightedDebtMinutes: >= SleepDebtMinutes } debt)
        {
            insights.Add(new("sleep_debt", "attention",
                $"Weighted sleep debt is {debt.WeightedDebtMinutes:F0} min a night against a need of {debt.NeedMinutes / 60:F1} h; the last 7 nights fell {debt.Shortfall7Minutes:F0} min short in total.",
                Evidence(("weighted_debt_minutes", debt.WeightedDebtMinutes), ("need_minutes", debt.NeedMinutes), ("shortfall_7d_minutes", debt.Shortfall7Minutes))));
        }

        if (load is { AcwrZone: "high" or "spike" })
        {
            insights.Add(new("load_spike", "attention", $"This week's load is {load.AcwrZone} against the last four weeks (ACWR {load.AcwrEwma:F2}). {s.TrainingLoad.InjuryRiskHeuristic}",
                Evidence(("acwr_ewma", load.AcwrEwma), ("acwr_rolling", load.AcwrRolling), ("zone", load.AcwrZone))));
        }
        if (load is { Monotony: > 2 })
        {
            insights.Add(new("monotony", "info", $"Training has been monotonous this week (monotony {load.Monotony:F1} > 2, strain {load.Strain:F0}): similar load every day.",
                Evidence(("monotony", load.Monotony), ("strain", load.Strain))));
        }

        foreach (var a in s.AnomaliesToday)
        {
            insights.Add(new("anomaly", "info", $"{a.Metric.Replace('_', ' ')} today ({a.Value:G4}) is unusually {a.Direction} against your last 60 days (median {a.Median:G4}, robust z {a.Z:F1}).",
                Evidence(("metric", a.Metric), ("value", a.Value), ("median", a.Median), ("z", a.Z))));
        }

        foreach (var d in drivers.Significant.Take(3))
        {
            var lag = d.Lag switch { 0 => "that night", 1 => "a night later", _ => "two nights later" };
            insights.Add(new("driver", "info",
                $"In your data, more {d.Behaviour.Replace('_', ' ')} goes with {(d.Rho > 0 ? "higher" : "lower")} {d.Outcome.Replace('_', ' ')} {lag} (Spearman ρ {d.Rho:F2}, n {d.N}, q {d.Q:F3}).",
                Evidence(("behaviour", d.Behaviour), ("outcome", d.Outcome), ("lag", d.Lag), ("rho", d.Rho), ("n", d.N), ("q", d.Q))));
        }
        return insights;
    }

    private static Dictionary<string, object?> Evidence(params (string Key, object? Value)[] items) => items.ToDictionary(i => i.Key, i => i.Value);
}
