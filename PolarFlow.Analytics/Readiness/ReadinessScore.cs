using PolarFlow.Analytics.Common;
using PolarFlow.Analytics.Sleep;

namespace PolarFlow.Analytics.Readiness;

/// <summary>
/// The transparent readiness score (analytics-methods.md §2). For each input, z = (today − mean) / SD (sample) of
/// the user's own previous 60 days, today excluded, with at least <see cref="MinBaselineDays"/> of them; resting
/// HR, breathing rate and sleep debt are inverted (higher is worse). Component = clamp(50 + 25·z, 0, 100);
/// score = weighted mean over the components present (weights renormalised), which needs HRV or resting HR plus
/// one more. Bands: ≥ 75 good, 50-74 moderate, &lt; 50 low. Polar's `ans_charge` is reported beside it, not used.
/// </summary>
public static class ReadinessScore
{
    public const int BaselineDays = 60;
    public const int MinBaselineDays = 14;

    public static readonly IReadOnlyDictionary<string, double> DefaultWeights = new Dictionary<string, double>
    {
        ["hrv"] = 0.35, ["resting_hr"] = 0.20, ["sleep_score"] = 0.20, ["sleep_debt"] = 0.15, ["breathing_rate"] = 0.10,
    };

    public sealed record Component(string Name, double Weight, bool Inverted, double? Today, double? BaselineMean, double? BaselineSd,
        int BaselineDays, double? Z, double? Score, string? Missing);

    public sealed record Result(AnalyticStatus Status, string? Missing, DateOnly AsOf, int DaysUsed, int DaysValid,
        double? Score, string? Band, IReadOnlyList<Component> Components, double? PolarAnsCharge);

    public static Result Compute(AthleteData data, DateOnly asOf, double? sleepNeedMinutes = null)
    {
        var nights = data.Nights.Where(n => n.Date <= asOf && n.Date >= asOf.AddDays(-BaselineDays)).GroupBy(n => n.Date).ToDictionary(g => g.Key, g => g.Last());
        var sleeps = data.Sleeps.Where(s => s.Date <= asOf && s.Date >= asOf.AddDays(-BaselineDays)).GroupBy(s => s.Date).ToDictionary(g => g.Key, g => g.Last());
        // Each day's debt reads its own 14 nights and the latest sleep goal up to it: only those are handed on.
        var firstNight = asOf.AddDays(-BaselineDays - SleepDebt.Nights);
        var debtNights = data.Sleeps.Where(s => s.Date <= asOf && s.Date > firstNight).ToList();
        var olderGoal = data.Sleeps.Where(s => s.Date <= firstNight && s.GoalMinutes is > 0).MaxBy(s => s.Date);
        if (olderGoal is not null) debtNights.Add(olderGoal);
        var debts = new Dictionary<DateOnly, double>();
        for (var day = asOf.AddDays(-BaselineDays); day <= asOf; day = day.AddDays(1))
        {
            var debt = SleepDebt.Compute(debtNights, day, data.Profile.SleepGoalMinutes, sleepNeedMinutes).WeightedDebtMinutes;
            if (debt is not null) debts[day] = debt.Value;
        }

        IReadOnlyDictionary<DateOnly, double> Series(Func<NightRecord, double?> pick) =>
            nights.Where(kv => pick(kv.Value) is not null).ToDictionary(kv => kv.Key, kv => pick(kv.Value)!.Value);

        var components = new List<Component>
        {
            Build("hrv", false, Series(n => n.Rmssd is > 0 ? Math.Log(n.Rmssd.Value) : null), asOf),
            Build("resting_hr", true, Series(n => n.RestingHr), asOf),
            Build("sleep_score", false, sleeps.Where(kv => kv.Value.Score is not null).ToDictionary(kv => kv.Key, kv => (double)kv.Value.Score!.Value), asOf),
            Build("sleep_debt", true, debts, asOf),
            Build("breathing_rate", true, Series(n => n.BreathingRate), asOf),
        };
        var ans = nights.TryGetValue(asOf, out var tonight) ? tonight.AnsCharge : null;
        var valid = nights.Keys.Union(sleeps.Keys).Count();

        var present = components.Where(c => c.Score is not null).ToList();
        if (!present.Any(c => c.Name is "hrv" or "resting_hr") || present.Count < 2)
        {
            var why = string.Join("; ", components.Where(c => c.Missing is not null).Select(c => $"{c.Name}: {c.Missing}"));
            return new Result(AnalyticStatus.InsufficientData, $"readiness needs HRV or resting HR plus one more component ({why})",
                asOf, BaselineDays + 1, valid, null, null, components, ans);
        }

        var score = present.Sum(c => c.Weight * c.Score!.Value) / present.Sum(c => c.Weight);
        return new Result(AnalyticStatus.Ok, null, asOf, BaselineDays + 1, valid, score, Band(score), components, ans);
    }

    public static string Band(double score) => score >= 75 ? "good" : score >= 50 ? "moderate" : "low";

    private static Component Build(string name, bool inverted, IReadOnlyDictionary<DateOnly, double> series, DateOnly asOf)
    {
        var weight = DefaultWeights[name];
        var baseline = series.Where(kv => kv.Key < asOf && kv.Key >= asOf.AddDays(-BaselineDays)).Select(kv => kv.Value).ToArray();
        double? today = series.TryGetValue(asOf, out var t) ? t : null;
        double? mean = baseline.Length > 0 ? baseline.Average() : null;
        // Equal values can leave an SD of a few ulps: below this it is no spread at all.
        const double epsilon = 1e-9;
        var sd = Stats.SampleSd(baseline) is { } s && s > epsilon ? s : (double?)null;
        string? missing = today is null ? "no value today"
            : baseline.Length < MinBaselineDays ? $"{MinBaselineDays} of the previous {BaselineDays} days are needed; {baseline.Length} have a value"
            : sd is null && Math.Abs(today.Value - mean!.Value) > epsilon ? "the baseline has no spread (every value equal), so today's difference has no scale"
            : null;
        if (missing is not null) return new Component(name, weight, inverted, today, mean, sd, baseline.Length, null, null, missing);

        var z = sd is { } spread ? (today!.Value - mean!.Value) / spread : 0; // equal to a spread-less baseline: exactly typical
        if (inverted) z = -z;
        return new Component(name, weight, inverted, today, mean, sd, baseline.Length, z, Math.Clamp(50 + 25 * z, 0, 100), null);
    }
}
