using PolarFlow.Analytics.Common;

namespace PolarFlow.Analytics.TrainingLoad;

/// <summary>
/// Training load (analytics-methods.md §4): daily load with days without exercise as zero from the first day with
/// data; CTL/ATL as exponentially weighted averages with time constants 42 and 7 days and TSB_t = CTL_{t−1} −
/// ATL_{t−1} (GoldenCheetah's PMC); acute:chronic ratios, EWMA (λ = 2/(N+1), N = 7 and 28; Williams et al. 2017)
/// and rolling 7/28, reported once 28 days of history exist, with zones; monotony = mean7/SD7 and strain =
/// weekly load × monotony (Foster 1998). The "injury risk" is a heuristic description of load spikes, not a
/// validated prediction (Impellizzeri et al. 2020).
/// </summary>
public static class LoadModel
{
    public const int HistoryForRatios = 28;

    public sealed record Day(DateOnly Date, double Load, double Ctl, double Atl, double? Tsb, double? AcwrEwma, double? AcwrRolling, string? AcwrZone,
        double? Monotony, double? Strain);

    public sealed record Result(AnalyticStatus Status, string? Missing, DateOnly AsOf, int DaysUsed, IReadOnlyList<Day> Days, string InjuryRiskHeuristic);

    /// <summary>
    /// The model as of <paramref name="asOf"/>; <see cref="Result.Days"/> lists the days from <paramref name="shownFrom"/>
    /// (every day since the first with data when null). The averages run over every day either way.
    /// </summary>
    public static Result Compute(IEnumerable<DailyValue> exerciseLoads, DateOnly asOf, DateOnly? shownFrom = null)
    {
        var byDay = exerciseLoads.Where(l => l.Date <= asOf).GroupBy(l => l.Date).ToDictionary(g => g.Key, g => g.Sum(l => l.Value));
        if (byDay.Count == 0)
        {
            return new Result(AnalyticStatus.InsufficientData, "no exercise with a load yet", asOf, 0, [], NoRisk);
        }

        var first = byDay.Keys.Min();
        var days = new List<Day>();
        double ctl = 0, atl = 0, acute = 0, chronic = 0;
        var loads = new List<double>();
        Day? last = null;
        var (kCtl, kAtl) = (Math.Exp(-1.0 / 42), Math.Exp(-1.0 / 7));
        var (lAcute, lChronic) = (2.0 / (7 + 1), 2.0 / (28 + 1));
        for (var date = first; date <= asOf; date = date.AddDays(1))
        {
            var load = byDay.GetValueOrDefault(date); // a day without exercise is a zero-load day
            var tsb = loads.Count == 0 ? (double?)null : ctl - atl;
            ctl = ctl * kCtl + load * (1 - kCtl);
            atl = atl * kAtl + load * (1 - kAtl);
            acute = lAcute * load + (1 - lAcute) * acute;
            chronic = lChronic * load + (1 - lChronic) * chronic;
            loads.Add(load);
            if (date < shownFrom && date < asOf) continue;

            var enough = loads.Count >= HistoryForRatios;
            var ewma = enough && chronic > 0 ? acute / chronic : (double?)null;
            var mean28 = enough ? loads.TakeLast(28).Average() : 0;
            var rolling = enough && mean28 > 0 ? loads.TakeLast(7).Average() / mean28 : (double?)null;
            var week = loads.TakeLast(7).ToArray();
            var sd7 = week.Length == 7 ? Stats.SampleSd(week) : null;
            var monotony = sd7 is > 0 ? week.Average() / sd7 : null;
            last = new Day(date, load, ctl, atl, tsb, ewma, rolling, Zone(ewma), monotony, monotony * week.Sum());
            days.Add(last);
        }

        var today = last!;
        var risk = today.AcwrZone switch
        {
            "spike" => $"Heuristic, not a prediction: this week's load is a spike against your last four weeks (ACWR {today.AcwrEwma:F2} > 1.5).",
            "high" => $"Heuristic, not a prediction: this week's load is high against your last four weeks (ACWR {today.AcwrEwma:F2}, 1.3-1.5).",
            null => "Heuristic: not enough history (28 days) to compare this week with the last four.",
            _ => NoRisk,
        };
        var history = loads.Count;
        return new Result(history >= HistoryForRatios ? AnalyticStatus.Ok : AnalyticStatus.InsufficientData,
            history >= HistoryForRatios ? null : $"ratios need {HistoryForRatios} days of history; {history} so far",
            asOf, history, days, risk);
    }

    /// <summary>Zones of the acute:chronic ratio: &lt; 0.8 low, 0.8-1.3 moderate, 1.3-1.5 high, &gt; 1.5 spike.</summary>
    public static string? Zone(double? ratio) => ratio switch
    {
        null => null,
        < 0.8 => "low",
        <= 1.3 => "moderate",
        <= 1.5 => "high",
        _ => "spike",
    };

    private const string NoRisk = "Heuristic, not a prediction: no load spike against your last four weeks.";
}
