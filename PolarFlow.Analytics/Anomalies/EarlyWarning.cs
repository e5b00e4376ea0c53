using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Hrv;

namespace PolarFlow.Analytics.Anomalies;

/// <summary>
/// Illness early warning after NightSignal (Alavi et al. 2022; analytics-methods.md §5). Each night's resting-HR
/// baseline is the median of all earlier nights (at least <see cref="MinBaselineNights"/>); yellow when resting HR
/// is ≥ baseline + 3 bpm on two consecutive nights, red when ≥ + 4. Extensions, reported on the alert: lnRMSSD below
/// its normal range (<see cref="HrvBaseline"/>'s acute low) on both nights, breathing rate more than 1 breath/min
/// above its 60-night median on both nights.
/// </summary>
public static class EarlyWarning
{
    public const int MinBaselineNights = 14;

    public sealed record Night(DateOnly Date, double RestingHr, double? Baseline, double? Elevation);

    public sealed record Alert(DateOnly Date, string Level, double Elevation, double PreviousElevation, bool HrvBelowRange, bool BreathingRaised, string Message);

    public sealed record Result(AnalyticStatus Status, string? Missing, DateOnly AsOf, int DaysUsed, int DaysValid,
        IReadOnlyList<Night> Nights, IReadOnlyList<Alert> Alerts, Alert? Active);

    public static Result Compute(IEnumerable<NightRecord> records, DateOnly asOf, int days = 30, double swcMultiplier = 0.5)
    {
        var all = records.Where(n => n.Date <= asOf).GroupBy(n => n.Date).Select(g => g.Last()).OrderBy(n => n.Date).ToList();
        var rhr = all.Where(n => n.RestingHr is not null).ToList();
        var from = asOf.AddDays(-days + 1);
        var nights = new List<Night>();
        // The earlier nights' values, kept sorted from the window's start: each night's median is then a lookup.
        var earlier = rhr.TakeWhile(n => n.Date < from).Select(n => n.RestingHr!.Value).Order().ToList();
        foreach (var n in rhr.Skip(earlier.Count))
        {
            double? baseline = earlier.Count >= MinBaselineNights ? Stats.MedianOfSorted(earlier) : null;
            nights.Add(new Night(n.Date, n.RestingHr!.Value, baseline, n.RestingHr - baseline));
            var at = earlier.BinarySearch(n.RestingHr!.Value);
            earlier.Insert(at < 0 ? ~at : at, n.RestingHr!.Value);
        }

        var byDate = all.ToDictionary(n => n.Date);
        var rmssd = AthleteData.Rmssd(all);
        var alerts = new List<Alert>();
        for (var i = 1; i < nights.Count; i++)
        {
            var (prev, night) = (nights[i - 1], nights[i]);
            if (prev.Date != night.Date.AddDays(-1) || night.Elevation is not { } e || prev.Elevation is not { } p || Math.Min(e, p) < 3) continue;
            var level = Math.Min(e, p) >= 4 ? "red" : "yellow";
            var hrvLow = HrvBaseline.Compute(rmssd, prev.Date, swcMultiplier).AcuteLow && HrvBaseline.Compute(rmssd, night.Date, swcMultiplier).AcuteLow;
            var breathing = BreathingRaised(all, byDate, prev.Date) && BreathingRaised(all, byDate, night.Date);
            var message = $"Resting HR {night.RestingHr:F0} bpm is {e:F0} bpm above your baseline ({night.Baseline:F0}) for a second night (previous night +{p:F0})"
                + (hrvLow ? "; HRV is below your normal range too" : "") + (breathing ? "; breathing rate is raised too" : "") + ".";
            alerts.Add(new Alert(night.Date, level, e, p, hrvLow, breathing, message));
        }

        // An alert is active when it is about the latest night or the one before (it takes two nights to raise).
        var active = alerts.LastOrDefault(a => a.Date >= asOf.AddDays(-1));
        var hasBaseline = nights.Any(n => n.Baseline is not null);
        return new Result(hasBaseline ? AnalyticStatus.Ok : AnalyticStatus.InsufficientData,
            hasBaseline ? null : $"the resting-HR baseline needs {MinBaselineNights} earlier nights; {earlier.Count - nights.Count} are before the window",
            asOf, days, nights.Count, nights, alerts, active);
    }

    private static bool BreathingRaised(IReadOnlyList<NightRecord> all, Dictionary<DateOnly, NightRecord> byDate, DateOnly date)
    {
        var before = all.Where(n => n.Date < date && n.Date >= date.AddDays(-60) && n.BreathingRate is not null).Select(n => n.BreathingRate!.Value).ToArray();
        return before.Length >= MinBaselineNights && byDate[date].BreathingRate is { } b && b > Stats.Median(before) + 1;
    }
}
