using PolarFlow.Analytics.Common;

namespace PolarFlow.Analytics.Sleep;

/// <summary>
/// Sleep need and the 14-night weighted sleep debt (analytics-methods.md §3, after Rise; Van Dongen et al. 2003):
/// Debt_t = Σ_{i=0..13} w_i · max(0, need − TST_{t−i}) with w_0 = 0.15 and w_i = 0.85 · r^(i−1) / Σ_{j=0..12} r^j, r = 0.8.
/// Missing nights are skipped (their term is left out, not counted as zero sleep) and counted. Need: the override,
/// else Polar's latest `sleep_goal`, else the profile's, else 8 h. Also the plain 7- and 14-night shortfall sums.
/// </summary>
public static class SleepDebt
{
    public const int Nights = 14;
    public const int MinNights = 7;
    public const int DefaultNeedMinutes = 480;

    /// <summary>w_0..w_13; they sum to 1.</summary>
    public static readonly IReadOnlyList<double> Weights = BuildWeights();

    public sealed record Night(DateOnly Date, double TotalSleepMinutes, double ShortfallMinutes, double Weight);

    public sealed record Result(AnalyticStatus Status, string? Missing, DateOnly AsOf, int DaysUsed, int DaysValid,
        double NeedMinutes, string NeedSource, double? WeightedDebtMinutes, double? Shortfall7Minutes, double? Shortfall14Minutes,
        int NightsMissing, IReadOnlyList<Night> Nights);

    public static (double Minutes, string Source) Need(IEnumerable<SleepRecord> sleeps, DateOnly asOf, int? profileGoalMinutes, double? overrideMinutes)
    {
        if (overrideMinutes is { } o) return (o, "request");
        var goal = sleeps.Where(s => s.Date <= asOf && s.GoalMinutes is > 0).MaxBy(s => s.Date)?.GoalMinutes;
        if (goal is { } g) return (g, "polar_sleep_goal");
        return profileGoalMinutes is > 0 ? (profileGoalMinutes.Value, "physical_info_sleep_goal") : (DefaultNeedMinutes, "default");
    }

    public static Result Compute(IEnumerable<SleepRecord> sleeps, DateOnly asOf, int? profileGoalMinutes = null, double? needOverrideMinutes = null)
    {
        var list = sleeps as IReadOnlyList<SleepRecord> ?? sleeps.ToList();
        var (need, source) = Need(list, asOf, profileGoalMinutes, needOverrideMinutes);
        var byDate = list.Where(s => s.TotalSleepMinutes is not null && s.Date <= asOf && s.Date > asOf.AddDays(-Nights))
            .GroupBy(s => s.Date).ToDictionary(g => g.Key, g => g.Last().TotalSleepMinutes!.Value);

        var nights = new List<Night>();
        for (var i = 0; i < Nights; i++)
        {
            if (byDate.TryGetValue(asOf.AddDays(-i), out var tst))
            {
                nights.Add(new Night(asOf.AddDays(-i), tst, Math.Max(0, need - tst), Weights[i]));
            }
        }

        var missing = Nights - nights.Count;
        if (nights.Count < MinNights)
        {
            return new Result(AnalyticStatus.InsufficientData, $"{MinNights} of the last {Nights} nights need a sleep record; {nights.Count} have one",
                asOf, Nights, nights.Count, need, source, null, null, null, missing, nights);
        }

        var debt = nights.Sum(n => n.Weight * n.ShortfallMinutes);
        var sum7 = nights.Where(n => n.Date > asOf.AddDays(-7)).Sum(n => n.ShortfallMinutes);
        return new Result(AnalyticStatus.Ok, null, asOf, Nights, nights.Count, need, source, debt, sum7, nights.Sum(n => n.ShortfallMinutes), missing, nights);
    }

    private static double[] BuildWeights()
    {
        const double r = 0.8;
        var norm = Enumerable.Range(0, 13).Sum(j => Math.Pow(r, j));
        return [0.15, .. Enumerable.Range(1, 13).Select(i => 0.85 * Math.Pow(r, i - 1) / norm)];
    }
}
